<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ReasonTexts</name>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="20"/>
        <source>Portrait found on the document card</source>
        <translation>本人確認書類のカード上に顔写真を検出しました</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="22"/>
        <source>No card found in the document photo; the largest face of the photo was used</source>
        <translation>書類写真にカードが見つかりません。写真内で最も大きい顔を使用しました</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="24"/>
        <source>No portrait on the card; the largest face of the photo was used</source>
        <translation>カード上に顔写真がありません。写真内で最も大きい顔を使用しました</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="25"/>
        <source>No face found on the document</source>
        <translation>書類に顔が見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="26"/>
        <source>All images are sharp, well exposed and framed</source>
        <translation>すべての画像が鮮明で、明るさ・構図とも適切です</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="27"/>
        <source>The face is blurred</source>
        <translation>顔がぼやけています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="28"/>
        <source>The face is too dark</source>
        <translation>顔が暗すぎます</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="29"/>
        <source>The face is too bright</source>
        <translation>顔が明るすぎます</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="30"/>
        <source>Parts of the face are over- or underexposed</source>
        <translation>顔の一部が白飛びまたは黒つぶれしています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="31"/>
        <source>The face is too small</source>
        <translation>顔が小さすぎます</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="32"/>
        <source>The face is close to the image edge</source>
        <translation>顔が画像の端に近すぎます</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="33"/>
        <source>The face is cut off by the image edge</source>
        <translation>顔が画像の端で切れています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="34"/>
        <location filename="../../ui/support/ReasonTexts.cpp" line="41"/>
        <source>No face found</source>
        <translation>顔が見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="35"/>
        <source>Every head turn was made as asked</source>
        <translation>すべての顔向き動作が指示どおりです</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="36"/>
        <source>The face does not look straight at the camera</source>
        <translation>顔がカメラの正面を向いていません</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="37"/>
        <source>The head was not turned far enough</source>
        <translation>顔の向きの変化が小さすぎます</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="38"/>
        <source>The head was turned the wrong way</source>
        <translation>指示と逆の方向に顔を向けています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="39"/>
        <source>The head was turned along the other axis</source>
        <translation>指示と別の軸の方向に顔を向けています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="40"/>
        <source>The head is tilted sideways</source>
        <translation>頭が横に傾いています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="42"/>
        <source>The head pose could not be measured</source>
        <translation>顔の向きを測定できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="43"/>
        <source>All frames show the same person</source>
        <translation>すべてのフレームが同一人物です</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="44"/>
        <source>The frames may not show the same person</source>
        <translation>フレームが同一人物でない可能性があります</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="45"/>
        <source>The frames show different people</source>
        <translation>フレームに別の人物が写っています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="46"/>
        <source>Could not compare the frames</source>
        <translation>フレームを比較できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="47"/>
        <source>The head moves like a real face</source>
        <translation>顔の動きは実物の顔と一致します</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="49"/>
        <source>The face moves like a flat photo (possible photo of a photo)</source>
        <translation>顔が平面の写真のように動いています（写真の撮影の疑い）</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="50"/>
        <source>Could not test for a flat photo</source>
        <translation>平面写真の判定ができませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="51"/>
        <source>No image is a copy of another</source>
        <translation>画像の使い回しはありません</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="52"/>
        <source>The same image was sent twice</source>
        <translation>同じ画像が二重に送信されています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="53"/>
        <source>No selfie frame is a copy of the document portrait</source>
        <translation>自撮り画像は本人確認書類の顔写真の複製ではありません</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="55"/>
        <source>Looks like the document portrait itself (photo of the ID photo?): compare both pictures</source>
        <translation>本人確認書類の顔写真そのものの可能性があります（証明写真の撮影・流用）。両方の画像を見比べてください</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="57"/>
        <source>Could not compare the selfie with the document portrait</source>
        <translation>自撮り画像と書類の顔写真を比較できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="58"/>
        <source>Every frame was taken during the challenge</source>
        <translation>すべてのフレームがチャレンジの時間内に撮影されています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="60"/>
        <source>Taken outside the time of the challenge</source>
        <translation>チャレンジの時間外に撮影されています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="61"/>
        <source>The selfie matches the document portrait</source>
        <translation>自撮り写真は書類の顔写真と一致します</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="62"/>
        <source>Uncertain match: compare the faces carefully</source>
        <translation>一致が不確かです。顔を慎重に見比べてください</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="63"/>
        <source>The selfie does not match the document portrait</source>
        <translation>自撮り写真は書類の顔写真と一致しません</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="64"/>
        <source>The faces could not be compared</source>
        <translation>顔を比較できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="68"/>
        <source>Document face</source>
        <translation>書類の顔写真</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="69"/>
        <source>Image quality</source>
        <translation>画像の品質</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="70"/>
        <source>Head-turn steps</source>
        <translation>顔向きの動作</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="71"/>
        <source>Same person in all frames</source>
        <translation>全フレームが同一人物</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="72"/>
        <source>Flat photo</source>
        <translation>平面写真</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="73"/>
        <source>Replay</source>
        <translation>画像の使い回し</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="74"/>
        <source>Selfie copies the document</source>
        <translation>書類写真の流用</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="75"/>
        <source>Capture time</source>
        <translation>撮影時刻</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="76"/>
        <source>Face match</source>
        <translation>顔の照合</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="80"/>
        <source>The face does not match the document</source>
        <translation>顔が書類と一致しない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="81"/>
        <source>The document is invalid or expired</source>
        <translation>書類が無効または期限切れ</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="82"/>
        <source>The form does not match the register</source>
        <translation>申請内容が住民記録と一致しない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="83"/>
        <source>Suspected fraud (photo, replay)</source>
        <translation>不正の疑い（写真の撮影、使い回し）</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="84"/>
        <source>The applicant may not use this procedure</source>
        <translation>申請者はこの手続きを利用できない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="85"/>
        <source>The document photo is unreadable</source>
        <translation>書類の写真が判読できない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="86"/>
        <source>The selfie is blurred, dark or cut off</source>
        <translation>自撮り写真がぼやけている・暗い・切れている</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="87"/>
        <source>The head turns were not made as asked</source>
        <translation>顔向きの動作が指示どおりでない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="88"/>
        <source>Another photo ID is needed</source>
        <translation>別の顔写真付き身分証明書が必要</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="119"/>
        <source>document</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="124"/>
        <source>frontal frame</source>
        <translation>正面フレーム</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="125"/>
        <source>frame %1</source>
        <translation>フレーム%1</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="143"/>
        <location filename="../../ui/support/ReasonTexts.cpp" line="148"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="157"/>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="159"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="161"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="163"/>
        <source>Up</source>
        <translation>上</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="165"/>
        <source>Down</source>
        <translation>下</translation>
    </message>
</context>
<context>
    <name>mado::AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="16"/>
        <source>About Madoguchi</source>
        <translation>窓口について</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="28"/>
        <source>Staff verification workstation for online ward counters.</source>
        <translation>区役所オンライン窓口の職員確認端末です。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="31"/>
        <source>Face models</source>
        <translation>顔照合モデル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="35"/>
        <source>iBUG 300-W terms: no commercial use</source>
        <translation>iBUG 300-W の条件: 商用利用不可</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="35"/>
        <source>CC0 (public domain)</source>
        <translation>CC0（パブリックドメイン）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="42"/>
        <source>Licences</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="43"/>
        <source>dlib&apos;s face recognition model, 5-point shape predictor and MMOD face detector are released under CC0.</source>
        <translation>dlib の顔認識モデル、5点の顔特徴点モデル、MMOD 顔検出モデルは CC0 で公開されています。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="46"/>
        <source>The 68-point shape predictor was trained on the iBUG 300-W data set, whose licence excludes commercial use. Madoguchi uses it only to measure head pose; a ward that needs commercial terms must replace this model.</source>
        <translation>68点の顔特徴点モデルは iBUG 300-W データセットで学習されており、そのライセンスは商用利用を認めていません。窓口では頭部の向きの計測にのみ使用しています。商用条件が必要な場合は、このモデルを置き換えてください。</translation>
    </message>
</context>
<context>
    <name>mado::AiPanel</name>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="45"/>
        <source>AI evidence (advice only; the clerk decides)</source>
        <translation>AIの判定根拠（参考情報です。判断は職員が行います）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Check</source>
        <translation>確認項目</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="82"/>
        <source>Not verified yet: no AI evidence</source>
        <translation>未検証：AIの判定根拠はありません</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="87"/>
        <source>Match</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="88"/>
        <source>Review</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="89"/>
        <source>Mismatch</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="90"/>
        <source>Not measured</source>
        <translation>未測定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="91"/>
        <source>Band: %1</source>
        <translation>判定帯：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="92"/>
        <source>Distance %1 (match ≤ %2, review ≤ %3): %4</source>
        <translation>距離 %1（一致 ≤ %2、要確認 ≤ %3）：%4</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="103"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="104"/>
        <source>Warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="105"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="122"/>
        <source>Notes: %1</source>
        <translation>備考：%1</translation>
    </message>
</context>
<context>
    <name>mado::AuditModel</name>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="65"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="67"/>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="69"/>
        <source>Actor</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="71"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="73"/>
        <source>Subject</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="75"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>mado::AuditView</name>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="57"/>
        <source>Verifying the audit chain…</source>
        <translation>監査ログのチェーンを検証しています…</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="73"/>
        <source>The audit chain is intact: %1 entries. Head hash: %2</source>
        <translation>監査ログのチェーンは正常です: %1 件。末尾のハッシュ: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="48"/>
        <source>The audit log could not be read</source>
        <translation>監査ログの一覧を読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="65"/>
        <source>The audit chain could not be read</source>
        <translation>監査ログを読み取れませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="76"/>
        <source>The audit chain is BROKEN at entry %1. Report this to the administrator.</source>
        <translation>監査ログのチェーンが記録 %1 で破損しています。管理者に報告してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="93"/>
        <source>Verify chain</source>
        <translation>チェーンを検証</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="94"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>mado::BackgroundStatus</name>
    <message numerus="yes">
        <location filename="../../ui/support/BackgroundStatus.cpp" line="33"/>
        <source>Import failed: %n application(s)</source>
        <translation>
            <numerusform>取り込み失敗: %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundStatus.cpp" line="34"/>
        <source>Given up after repeated refusals; the applicants were asked to apply again. Reference numbers: %1. Details: madoguchi-cli import --failures</source>
        <translation>写真などを読み取れず、繰り返し取り込めなかったため中止した申請です。申請者には LINE で再申請をお願いしました。受付番号: %1。詳細: madoguchi-cli import --failures</translation>
    </message>
</context>
<context>
    <name>mado::BackgroundWork</name>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="31"/>
        <source>Applications are not imported or verified in an administrator&apos;s session; sign in as a clerk or supervisor for that.</source>
        <translation>管理者のセッションでは申請の取り込みと顔照合を行いません。取り込みと照合には職員または監督者としてログインしてください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="39"/>
        <source>Importing applications from the receiver</source>
        <translation>受付サーバーから申請を取り込んでいます</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="43"/>
        <source>The receiver cannot be reached (attempt %1); retrying in %2 s</source>
        <translation>受付サーバーに接続できません（%1 回目）。%2 秒後に再試行します</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="59"/>
        <source>Import stopped</source>
        <translation>取り込みを停止しました</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="77"/>
        <source>Outcome notices could not be read</source>
        <translation>通知の送信待ちを読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="157"/>
        <source>Face verification cannot run: %1 (face models directory: %2)</source>
        <translation>顔照合を実行できません: %1（顔照合モデルのフォルダ: %2）</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="159"/>
        <source>Face verification stopped</source>
        <translation>顔照合を中断しました</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="70"/>
        <source>Outcome notices waiting for the receiver: %1; retrying later</source>
        <translation>受付システムへの未送信の通知: %1 件（後で再送します）</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="110"/>
        <location filename="../../ui/support/BackgroundWork.cpp" line="118"/>
        <source>Verifying faces of new applications</source>
        <translation>新しい申請の顔照合をしています</translation>
    </message>
</context>
<context>
    <name>mado::BatchView</name>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="176"/>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="176"/>
        <source>Submitted</source>
        <translation>提出済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="214"/>
        <source>Select a batch.</source>
        <translation>バッチを選択してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="216"/>
        <source>This batch is already approved.</source>
        <translation>このバッチは承認済みです。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="218"/>
        <source>You decided a case in this batch. Another supervisor must approve it (four-eyes rule).</source>
        <translation>このバッチにはご自身が判定した案件が含まれています。別の監督者が承認してください（ダブルチェックの原則）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="220"/>
        <source>This batch has no cases left.</source>
        <translation>このバッチには案件が残っていません。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="222"/>
        <source>Enter your password again to approve.</source>
        <translation>承認するにはパスワードを再入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="245"/>
        <source>Batch %1 created.</source>
        <translation>バッチ %1 を作成しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="275"/>
        <source>Batch %1 approved.</source>
        <translation>バッチ %1 を承認しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="280"/>
        <source>Wrong password: batch %1 was not approved.</source>
        <translation>パスワードが違います。バッチ %1 は承認されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="283"/>
        <source>Batch %1 holds your own decision: another supervisor must approve it.</source>
        <translation>バッチ %1 にはご自身の判定が含まれています。別の監督者が承認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="319"/>
        <source>The case was returned to its clerk.</source>
        <translation>案件を担当職員に差し戻しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="155"/>
        <source>The batches could not be read</source>
        <translation>バッチを読み取れませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="247"/>
        <source>The batch could not be created</source>
        <translation>バッチを作成できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="286"/>
        <source>Batch %1 was not approved</source>
        <translation>バッチ %1 は承認されませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="321"/>
        <source>The case could not be returned</source>
        <translation>案件を差し戻せませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="344"/>
        <source>Decided cases not yet in a batch</source>
        <translation>バッチ未作成の判定済み案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="345"/>
        <source>Batches</source>
        <translation>バッチ承認</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="346"/>
        <source>Cases of the selected batch</source>
        <translation>選択したバッチの案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Reference</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Procedure</source>
        <translation>手続</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Decided by</source>
        <translation>判定者</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Submitted by</source>
        <translation>提出者</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Submitted at</source>
        <translation>提出日時</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Cases</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="355"/>
        <source>Create a batch from the selected cases</source>
        <translation>選択した案件からバッチを作成</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="356"/>
        <source>Your password</source>
        <translation>ご自身のパスワード</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="357"/>
        <source>Approve batch</source>
        <translation>バッチを承認</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="358"/>
        <source>Comment for the clerk</source>
        <translation>担当職員へのコメント</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="359"/>
        <source>Return the selected case to its clerk</source>
        <translation>選択した案件を担当職員に差し戻す</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="361"/>
        <source>Double-click a case to open it read-only</source>
        <translation>案件をダブルクリックすると閲覧のみで開きます</translation>
    </message>
</context>
<context>
    <name>mado::CaseView</name>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="55"/>
        <source>Read only</source>
        <translation>閲覧のみ</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="86"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="86"/>
        <source>Application form</source>
        <translation>申請内容</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="86"/>
        <location filename="../../ui/views/CaseView.cpp" line="123"/>
        <source>Resident register</source>
        <translation>住民記録</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="152"/>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="154"/>
        <source>Face matches by eye (Alt+1)</source>
        <translation>顔が一致する（目視）(Alt+1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="156"/>
        <source>Document valid and unexpired (Alt+2)</source>
        <translation>書類が有効・期限内 (Alt+2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="158"/>
        <source>Data matches the register (Alt+3)</source>
        <translation>住民記録と一致 (Alt+3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="160"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation>承認 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="162"/>
        <location filename="../../ui/views/CaseView.cpp" line="417"/>
        <source>Enabled when every box of the checklist is ticked</source>
        <translation>チェックリストをすべてチェックすると有効になります</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="169"/>
        <location filename="../../ui/views/CaseView.cpp" line="439"/>
        <source>Choose a reason for the rejection</source>
        <translation>却下の理由を選んでください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="174"/>
        <source>Comment for the supervisor (required)</source>
        <translation>監督者へのコメント（必須）</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="175"/>
        <source>Reject (Ctrl+R)</source>
        <translation>却下 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="177"/>
        <source>Needs a reason and a comment</source>
        <translation>理由とコメントが必要です</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="187"/>
        <location filename="../../ui/views/CaseView.cpp" line="455"/>
        <source>Choose what the applicant must send again</source>
        <translation>申請者に再提出を求める内容を選んでください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="190"/>
        <source>Request resubmission (Ctrl+Shift+R)</source>
        <translation>再提出を依頼 (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="192"/>
        <source>Next case (Ctrl+N)</source>
        <translation>次の案件 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="270"/>
        <source>Loading case…</source>
        <translation>案件を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="300"/>
        <source>The case could not be opened</source>
        <translation>案件を開けませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="312"/>
        <source>Case %1 · %2 · %3</source>
        <translation>案件 %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="314"/>
        <source>resubmission %1</source>
        <translation>再提出 %1 回目</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="314"/>
        <source>first submission</source>
        <translation>初回申請</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="318"/>
        <source>Held by the procedure policy, it cannot be approved: %1</source>
        <translation>手続きの方針により保留中のため承認できません：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="320"/>
        <source>The images of this closed case were deleted by retention on %1.</source>
        <translation>この終了した案件の画像は、保存期間の経過により %1 に削除されました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="329"/>
        <source>Returned by the supervisor: %1</source>
        <translation>監督者から差し戻されました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="347"/>
        <source>The applicant was not found in the resident register</source>
        <translation>申請者が住民記録に見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="349"/>
        <source>Resident register entry %1</source>
        <translation>住民記録 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="350"/>
        <source>%1 register entries have this name and date of birth; the first is shown. Resolve by hand.</source>
        <translation>同じ氏名・生年月日の住民記録が %1 件あります。最初の記録を表示しています。手作業で確認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="356"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="357"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="358"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="359"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="360"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="366"/>
        <source>(not in the register)</source>
        <translation>（住民記録なし）</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="376"/>
        <source>Differs from the register</source>
        <translation>住民記録と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="387"/>
        <source>JPKI signature (My Number card)</source>
        <translation>公的個人認証の署名（マイナンバーカード）</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="416"/>
        <source>A held case cannot be approved</source>
        <translation>保留中の案件は承認できません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="440"/>
        <source>Write a comment for the supervisor</source>
        <translation>監督者へのコメントを入力してください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="515"/>
        <source>The case does not exist</source>
        <translation>案件が存在しません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="517"/>
        <source>Your role may not do this</source>
        <translation>この操作を行う権限がありません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="519"/>
        <source>Another clerk is working on this case, or your claim expired; it is shown read only</source>
        <translation>他の職員がこの案件を処理中か、担当期限が切れています。閲覧のみで表示しています</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="521"/>
        <source>The case is not open for a decision in its state; it is shown read only</source>
        <translation>この案件は現在の状態では判断できません。閲覧のみで表示しています</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="523"/>
        <source>The procedure policy does not allow approving this case</source>
        <translation>手続きの方針によりこの案件は承認できません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="525"/>
        <source>The applicant was already asked to resubmit as often as allowed; decide the case</source>
        <translation>再提出の依頼回数が上限に達しています。案件を判断してください</translation>
    </message>
</context>
<context>
    <name>mado::DistanceGauge</name>
    <message>
        <location filename="../../ui/widgets/DistanceGauge.cpp" line="34"/>
        <source>Distance not measured</source>
        <translation>距離は未測定です</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/DistanceGauge.cpp" line="34"/>
        <source>Distance %1</source>
        <translation>距離 %1</translation>
    </message>
</context>
<context>
    <name>mado::DomainTexts</name>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="10"/>
        <source>Received</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="11"/>
        <source>Imported, not verified</source>
        <translation>取込済み（未検証）</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="12"/>
        <source>Verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="13"/>
        <source>Held</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="14"/>
        <source>Claimed</source>
        <translation>処理中</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="15"/>
        <source>Decided</source>
        <translation>判断済み</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="16"/>
        <source>In a batch</source>
        <translation>バッチ登録済み</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="17"/>
        <source>Returned</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="18"/>
        <source>Batch approved</source>
        <translation>バッチ承認済み</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="19"/>
        <source>Issued</source>
        <translation>交付済み</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="20"/>
        <source>Notified</source>
        <translation>通知済み</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="28"/>
        <source>Copy of the residence certificate (住民票の写し)</source>
        <translation>住民票の写し</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="29"/>
        <source>Tax certificate (課税証明書)</source>
        <translation>課税証明書</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="30"/>
        <source>Tax exemption certificate (非課税証明書)</source>
        <translation>非課税証明書</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="31"/>
        <source>Tax payment certificate (納税証明書)</source>
        <translation>納税証明書</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="39"/>
        <source>Match</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="40"/>
        <source>Review</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="41"/>
        <source>Mismatch</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="49"/>
        <source>Approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="50"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="51"/>
        <source>Resubmission requested</source>
        <translation>再提出依頼</translation>
    </message>
</context>
<context>
    <name>mado::ErrorTexts</name>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="9"/>
        <source>The input was not accepted.</source>
        <translation>入力内容を受け付けられませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="11"/>
        <source>A file could not be read or written.</source>
        <translation>ファイルを読み書きできませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="13"/>
        <source>The image is empty.</source>
        <translation>画像が空です。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="15"/>
        <source>The image format is not supported.</source>
        <translation>対応していない画像形式です。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="17"/>
        <source>The image is too large.</source>
        <translation>画像が大きすぎます。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="19"/>
        <source>The image is damaged.</source>
        <translation>画像が破損しています。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="21"/>
        <source>No face was found in the image.</source>
        <translation>画像に顔が見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="23"/>
        <source>The application data is invalid.</source>
        <translation>申請データが正しくありません。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="25"/>
        <source>The face models are missing.</source>
        <translation>顔照合モデルがありません。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="27"/>
        <source>The face models are damaged.</source>
        <translation>顔照合モデルが破損しています。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="29"/>
        <source>The receiver cannot be reached over the network.</source>
        <translation>ネットワーク経由で受付システムに接続できません。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="31"/>
        <source>The case store could not be read or written. Try again; if it persists, call the administrator.</source>
        <translation>案件データベースを読み書きできませんでした。もう一度お試しください。続く場合は管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="33"/>
        <source>The case store was written by a newer Madoguchi. Update this workstation.</source>
        <translation>案件データベースは新しい版の窓口で作成されています。この端末を更新してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="35"/>
        <source>It was not found (it may have been deleted).</source>
        <translation>見つかりませんでした（削除された可能性があります）。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="37"/>
        <source>It already exists.</source>
        <translation>既に存在します。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="39"/>
        <source>Your role may not do this.</source>
        <translation>あなたの役割ではこの操作はできません。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="41"/>
        <source>This is not possible in the current state. Refresh the page.</source>
        <translation>現在の状態ではこの操作はできません。画面を更新してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="43"/>
        <source>Someone else changed it at the same time. Refresh the page.</source>
        <translation>他の職員が同時に変更しました。画面を更新してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="45"/>
        <source>You decided a case in it: another supervisor must approve it (four-eyes rule).</source>
        <translation>ご自身が判定した案件が含まれています。別の監督者が承認する必要があります（ダブルチェックの原則）。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="47"/>
        <source>The procedure policy does not allow this.</source>
        <translation>手続の方針により許可されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="49"/>
        <source>A limit was reached (for example the number of resubmission requests).</source>
        <translation>上限に達しました（再提出依頼の回数など）。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="51"/>
        <source>The login or the password is wrong.</source>
        <translation>ログイン名またはパスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="53"/>
        <source>The account is locked or disabled.</source>
        <translation>アカウントはロックされているか無効です。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="55"/>
        <source>The connection to the case store server was lost; nothing was saved. The next step reconnects: try again. If it persists, call the administrator.</source>
        <translation>データベースサーバーとの接続が切れました。保存されていません。次の操作で接続し直しますので、もう一度行ってください。続く場合は管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="58"/>
        <source>The receiver refused this workstation&apos;s token. Ask IT to check the settings.</source>
        <translation>受付システムがこの端末のトークンを拒否しました。情報システム担当に設定の確認を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="60"/>
        <source>It has expired.</source>
        <translation>有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="62"/>
        <source>Too many requests. Try again later.</source>
        <translation>要求が多すぎます。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="64"/>
        <source>An internal error occurred. Call the administrator.</source>
        <translation>内部エラーが発生しました。管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="67"/>
        <source>An unexpected error occurred (code %1). Call the administrator.</source>
        <translation>予期しないエラーが発生しました（コード %1）。管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="72"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="79"/>
        <source>Details for IT: %1 — %2</source>
        <translation>情報システム担当向けの詳細: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="84"/>
        <source>Details for IT: %1</source>
        <translation>情報システム担当向けの詳細: %1</translation>
    </message>
</context>
<context>
    <name>mado::FirstStartDialog</name>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="159"/>
        <source>Open a case store</source>
        <translation>案件データベースを開く</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="160"/>
        <source>Case stores (*.sqlite);;All files (*)</source>
        <translation>案件データベース (*.sqlite);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="297"/>
        <source>Enter the store file and the admin&apos;s login</source>
        <translation>データベースファイルと管理者のログイン名を入力してください</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="300"/>
        <source>The two passwords differ</source>
        <translation>2つのパスワードが一致しません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="303"/>
        <source>There is a file at this place already; choose “Open an existing store”</source>
        <translation>この場所には既にファイルがあります。「既存のデータベースを開く」を選んでください</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="306"/>
        <source>The store&apos;s folder could not be created</source>
        <translation>データベースのフォルダーを作成できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="310"/>
        <source>The case store could not be created</source>
        <translation>案件データベースを作成できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="315"/>
        <source>Creating the store and the admin account…</source>
        <translation>データベースと管理者アカウントを作成しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="331"/>
        <source>The admin account could not be created</source>
        <translation>管理者アカウントを作成できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="343"/>
        <source>The server store&apos;s address is not a URL such as postgresql://host/database</source>
        <translation>サーバーのデータベースのアドレスが postgresql://ホスト/データベース のような URL ではありません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="346"/>
        <source>Enter the store file</source>
        <translation>データベースファイルを入力してください</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="351"/>
        <source>The server store could not be opened</source>
        <translation>サーバーのデータベースを開けませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="352"/>
        <source>There is no case store at this place</source>
        <translation>この場所に案件データベースはありません</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="356"/>
        <source>The case store could not be opened</source>
        <translation>案件データベースを開けませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="369"/>
        <source>The face models are there and verified.</source>
        <translation>顔照合モデルがあり、検証済みです。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="371"/>
        <source>The face models are damaged: fetch them again.</source>
        <translation>顔照合モデルが破損しています。もう一度取得してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="374"/>
        <source>The face models are missing. Fetch them now (about 200 MB from Debian&apos;s dlib source package), or set MADOGUCHI_MODELS_DIR to a folder that has them.</source>
        <translation>顔照合モデルがありません。今すぐ取得する（Debian の dlib ソースパッケージから約 200 MB）か、モデルのあるフォルダーを MADOGUCHI_MODELS_DIR に設定してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="412"/>
        <source>Unpacking and checking the models…</source>
        <translation>モデルを展開して検証しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="414"/>
        <source>Downloading the models: %1 of %2 MB</source>
        <translation>モデルをダウンロード中: %1 / %2 MB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="416"/>
        <source>Downloading the models: %1 MB</source>
        <translation>モデルをダウンロード中: %1 MB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="437"/>
        <source>The fetch was cancelled; nothing was installed.</source>
        <translation>取得を中止しました。何もインストールされていません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="440"/>
        <source>The download server cannot be reached or has no models archive at this address.</source>
        <translation>ダウンロードサーバーに接続できないか、このアドレスにモデルのアーカイブがありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="442"/>
        <source>The download is not a models archive.</source>
        <translation>ダウンロードしたファイルはモデルのアーカイブではありません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="445"/>
        <source>The models could not be fetched: %1</source>
        <translation>モデルを取得できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="469"/>
        <source>Madoguchi — first start</source>
        <translation>窓口 本人確認 — 初回設定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="470"/>
        <source>Set up this workstation</source>
        <translation>この端末の初期設定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="471"/>
        <source>No case store was found. Create a new one on this PC with its first admin account, open an existing store file, or connect to the ward&apos;s server store.</source>
        <translation>案件データベースが見つかりません。この PC に新しく作成して最初の管理者アカウントを登録するか、既存のデータベースファイルを開くか、区のサーバーのデータベースに接続してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="473"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="474"/>
        <source>Case store</source>
        <translation>案件データベース</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="475"/>
        <source>Create a new store</source>
        <translation>新しく作成する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="476"/>
        <source>Open an existing store</source>
        <translation>既存のデータベースを開く</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="477"/>
        <source>Connect to a server store</source>
        <translation>サーバーのデータベースに接続する</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="478"/>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="484"/>
        <source>Store file</source>
        <translation>データベースファイル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="479"/>
        <source>Admin login</source>
        <translation>管理者のログイン名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="480"/>
        <source>Admin name</source>
        <translation>管理者の氏名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="481"/>
        <source>(the login when empty)</source>
        <translation>（空欄ならログイン名）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="482"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="483"/>
        <source>Password again</source>
        <translation>パスワード（確認）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="485"/>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="486"/>
        <source>Server URL</source>
        <translation>サーバーの URL</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="487"/>
        <source>The address IT gave you, for example postgresql://host/database.</source>
        <translation>情報システム担当から伝えられたアドレス（例: postgresql://ホスト/データベース）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="488"/>
        <source>Face models</source>
        <translation>顔照合モデル</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="491"/>
        <source>Folder: %1</source>
        <translation>フォルダー: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="492"/>
        <source>Folder: %1 (from MADOGUCHI_MODELS_DIR)</source>
        <translation>フォルダー: %1（MADOGUCHI_MODELS_DIR による指定）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="493"/>
        <source>Checking the face models…</source>
        <translation>顔照合モデルを確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="494"/>
        <source>Fetch the models</source>
        <translation>モデルを取得</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="495"/>
        <source>Cancel the fetch</source>
        <translation>取得を中止</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="497"/>
        <source>Create and start</source>
        <translation>作成して開始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="498"/>
        <source>Open and start</source>
        <translation>開いて開始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="499"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>mado::ImageComparisonWidget</name>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="27"/>
        <source>Document portrait</source>
        <translation>書類の顔写真</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="29"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="127"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="175"/>
        <source>Selfie (frontal)</source>
        <translation>自撮り写真（正面）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="33"/>
        <source>The whole document photo; the card the portrait was taken from is outlined</source>
        <translation>書類写真の全体。顔写真を取り出したカードを枠で示しています</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="86"/>
        <source>Zoom in both sides (+)</source>
        <translation>両側を拡大 (+)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="87"/>
        <source>Zoom out both sides (−)</source>
        <translation>両側を縮小 (−)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="89"/>
        <source>Same face scale, centred (0)</source>
        <translation>顔の大きさをそろえて中央に表示 (0)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="91"/>
        <source>Face box</source>
        <translation>顔の枠</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="91"/>
        <source>Show the face boxes</source>
        <translation>顔の枠を表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="92"/>
        <source>Landmarks</source>
        <translation>特徴点</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="92"/>
        <source>Show the 68 landmarks</source>
        <translation>68点の特徴点を表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="94"/>
        <source>Pose axes</source>
        <translation>顔の向き</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="94"/>
        <source>Show the measured head pose</source>
        <translation>測定した顔の向きを表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="116"/>
        <source>Document portrait (card, rectified)</source>
        <translation>書類の顔写真（カードを正面補正）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="116"/>
        <source>Document photo</source>
        <translation>書類写真</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="140"/>
        <source>Click to compare this frame with the document</source>
        <translation>クリックするとこのフレームを書類と比較します</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="145"/>
        <source>Asked: %1</source>
        <translation>指示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="148"/>
        <source>yaw %1°, pitch %2°</source>
        <translation>ヨー %1°、ピッチ %2°</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="150"/>
        <source>pose not measured</source>
        <translation>顔の向きは未測定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="153"/>
        <source>Directions are the applicant&apos;s: left is the applicant&apos;s left (positive yaw)</source>
        <translation>方向は申請者から見た向きです。左は申請者の左（ヨーが正）です</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="176"/>
        <source>Selfie: frame %1, asked %2</source>
        <translation>自撮り写真：フレーム%1（指示：%2）</translation>
    </message>
</context>
<context>
    <name>mado::IssuanceView</name>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="131"/>
        <source>The cases could not be read</source>
        <translation>案件を読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="162"/>
        <source>Ready to issue</source>
        <translation>発行可</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="163"/>
        <source>Held (policy)</source>
        <translation>保留（方針）</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="164"/>
        <source>Issued</source>
        <translation>発行済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="166"/>
        <source>Not sent yet</source>
        <translation>未通知</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="167"/>
        <source>Sent</source>
        <translation>通知済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="221"/>
        <source>(assigned at issuance)</source>
        <translation>（発行時に採番）</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="235"/>
        <location filename="../../ui/views/IssuanceView.cpp" line="250"/>
        <source>Select a case.</source>
        <translation>案件を選択してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="237"/>
        <source>Case %1 — certificate No. %2</source>
        <translation>受付番号 %1 — 証明書番号 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="239"/>
        <source>Case %1 — not issued yet</source>
        <translation>受付番号 %1 — 未発行</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="250"/>
        <source>The certificate cannot be previewed.</source>
        <translation>証明書のプレビューを表示できません。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="272"/>
        <source>The applicant is not found exactly once in the resident register (name and date of birth); resolve it by hand before issuing.</source>
        <translation>申請者が住民基本台帳（氏名と生年月日）で1件に特定できません。発行の前に確認して解決してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="275"/>
        <source>There is no certificate template for this procedure yet: it cannot be issued here.</source>
        <translation>この手続の証明書様式はまだありません。この画面では発行できません。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="277"/>
        <source>The certificate cannot be prepared</source>
        <translation>証明書を作成できません</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="289"/>
        <source>This case cannot be issued</source>
        <translation>この案件は発行できません</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="345"/>
        <source>The certificate was not issued</source>
        <translation>証明書は発行されませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="354"/>
        <source>Issued: certificate No. %1. The receiver could not be notified; the notice will be sent again automatically.</source>
        <translation>発行しました: 証明書番号 %1。受付システムに通知できませんでした。通知は自動的に再送されます。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="390"/>
        <source>The PDF could not be saved</source>
        <translation>PDFを保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="425"/>
        <source>The receiver could not be notified; the notice will be sent again automatically</source>
        <translation>受付システムに通知できませんでした。通知は自動的に再送されます</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="285"/>
        <source>This case cannot be issued (held by policy): %1</source>
        <translation>この案件は発行できません（方針による保留）: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="287"/>
        <source>This case cannot be issued yet: it must be approved in an approved batch.</source>
        <translation>この案件はまだ発行できません。承認済みのバッチで承認されている必要があります。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="318"/>
        <source>No receiver is configured (Settings).</source>
        <translation>受付システムが設定されていません（設定）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="326"/>
        <source>Issue the certificate</source>
        <translation>証明書の発行</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="327"/>
        <source>Issue the certificate for application %1?
A certificate number is assigned now and the applicant is told on LINE. This cannot be undone.</source>
        <translation>受付番号 %1 の証明書を発行しますか？
証明書番号が採番され、申請者にLINEで通知されます。取り消すことはできません。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="330"/>
        <source>Issue</source>
        <translation>発行する</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="330"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="334"/>
        <source>Issuing the certificate…</source>
        <translation>証明書を発行しています…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="350"/>
        <source>Issued: certificate No. %1. The receiver was notified; the applicant gets a LINE message.</source>
        <translation>発行しました: 証明書番号 %1。受付システムに通知しました。申請者にLINEで連絡されます。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="379"/>
        <source>Save the mailing label</source>
        <translation>宛名ラベルの保存</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="379"/>
        <source>Save the certificate</source>
        <translation>証明書の保存</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="379"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="385"/>
        <source>Saved: %1</source>
        <translation>保存しました: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="397"/>
        <source>A PDF is being saved; try again in a moment.</source>
        <translation>PDFを保存中です。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="400"/>
        <source>Saving the PDF…</source>
        <translation>PDFを保存しています…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="411"/>
        <source>Notifying the receiver…</source>
        <translation>受付システムに通知しています…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="423"/>
        <source>The receiver was notified; the applicant gets a LINE message.</source>
        <translation>受付システムに通知しました。申請者にLINEで連絡されます。</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="459"/>
        <source>Cases to issue, held cases and today&apos;s issuances</source>
        <translation>発行待ち・保留中の案件と本日の発行</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Reference</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Procedure</source>
        <translation>手続</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Certificate No.</source>
        <translation>証明書番号</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="464"/>
        <source>Certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="465"/>
        <source>Mailing label</source>
        <translation>宛名ラベル</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="467"/>
        <source>Issue…</source>
        <translation>発行する…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="468"/>
        <source>Export PDF…</source>
        <translation>PDFを保存…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="469"/>
        <source>Mailing label PDF…</source>
        <translation>宛名ラベル（PDF）…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="470"/>
        <source>Notify again</source>
        <translation>再通知</translation>
    </message>
</context>
<context>
    <name>mado::LockScreen</name>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="92"/>
        <source>The workstation is locked after a period of inactivity. Enter the password of %1 to continue.</source>
        <translation>一定時間操作がなかったため、端末をロックしました。続けるには %1 のパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="95"/>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="99"/>
        <source>Wrong password.</source>
        <translation>パスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="102"/>
        <source>This account is locked. Ask an administrator.</source>
        <translation>このアカウントはロックされています。管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="105"/>
        <source>The password could not be checked</source>
        <translation>パスワードを確認できませんでした</translation>
    </message>
</context>
<context>
    <name>mado::LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="114"/>
        <source>Madoguchi — log in</source>
        <translation>窓口 — ログイン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="115"/>
        <source>Log in to the verification workstation</source>
        <translation>職員確認端末にログイン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="116"/>
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="117"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="118"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="119"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="123"/>
        <source>The login or the password is wrong. After repeated failures the account locks.</source>
        <translation>ログインIDまたはパスワードが違います。続けて失敗するとアカウントがロックされます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="126"/>
        <source>This account is locked (too many wrong passwords, or disabled). Try again later or ask an administrator.</source>
        <translation>このアカウントはロックされています（パスワードの誤りが続いたか、無効化されています）。しばらくしてから再度お試しいただくか、管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="130"/>
        <source>Logging in failed</source>
        <translation>ログインできませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="133"/>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
</context>
<context>
    <name>mado::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="272"/>
        <source>Madoguchi — staff verification</source>
        <translation>窓口 — 職員確認端末 (Madoguchi)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="273"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="277"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="275"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="274"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="276"/>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="278"/>
        <source>&amp;About Madoguchi</source>
        <translation>窓口について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="279"/>
        <source>No applications are waiting.</source>
        <translation>確認待ちの申請はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="281"/>
        <source>Checking the face models…</source>
        <translation>顔照合モデルを確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="286"/>
        <source>%1 Ask IT to run %2.</source>
        <translation>%1 情報システム担当に %2 の実行を依頼してください。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="295"/>
        <source>administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="296"/>
        <source>supervisor</source>
        <translation>監督者</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="297"/>
        <source>clerk</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="298"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="299"/>
        <source>Queue</source>
        <translation>申請一覧</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="299"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="300"/>
        <source>Batches</source>
        <translation>バッチ承認</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="300"/>
        <source>Audit</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="301"/>
        <source>Users</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="301"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="302"/>
        <source>Issuance</source>
        <translation>発行</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="312"/>
        <source>Case %1</source>
        <translation>申請 %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="312"/>
        <source>Open a case from the queue.</source>
        <translation>一覧から案件を開いてください。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="283"/>
        <source>Face models: ready (%1)</source>
        <translation>顔照合モデル: 使用可能 (%1)</translation>
    </message>
</context>
<context>
    <name>mado::QueueModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="66"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="68"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="69"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="99"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 件の指摘</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="115"/>
        <source>Reference</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="117"/>
        <source>Procedure</source>
        <translation>手続</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="119"/>
        <source>Received</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="121"/>
        <source>Age</source>
        <translation>経過</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="123"/>
        <source>AI band</source>
        <translation>AI判定</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="125"/>
        <source>Flags</source>
        <translation>指摘</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="127"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="129"/>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>mado::QueueView</name>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="104"/>
        <source>The queue could not be read</source>
        <translation>申請一覧を読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="136"/>
        <source>%1 (held: %2)</source>
        <translation>%1（うち保留 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="137"/>
        <source>Waiting: %1  ·  In review: %2  ·  Decided: %3</source>
        <translation>確認待ち: %1  ·  確認中: %2  ·  判定済み: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="142"/>
        <source>  ·  Pending approval: %1</source>
        <translation>  ·  承認待ち: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="156"/>
        <source>All states</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="157"/>
        <source>All AI bands</source>
        <translation>すべてのAI判定</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="158"/>
        <source>All procedures</source>
        <translation>すべての手続</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="159"/>
        <source>Mine</source>
        <translation>自分の担当</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="160"/>
        <source>Search by reference</source>
        <translation>受付番号で検索</translation>
    </message>
</context>
<context>
    <name>mado::SettingsView</name>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="89"/>
        <source>Settings saved.</source>
        <translation>設定を保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="91"/>
        <source>The receiver token could not be saved.</source>
        <translation>受付サーバーのトークンを保存できませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="113"/>
        <source>Receiver URL</source>
        <translation>受付サーバーのURL</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="114"/>
        <source>Receiver token</source>
        <translation>受付サーバーのトークン</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="115"/>
        <source>Receiver CA certificate file</source>
        <translation>受付サーバーのCA証明書ファイル</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="116"/>
        <source>Empty: the system&apos;s CA certificates</source>
        <translation>空欄: システムのCA証明書を使います</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="117"/>
        <source>Face models directory</source>
        <translation>顔照合モデルのフォルダ</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="118"/>
        <source>Face thresholds (read-only)</source>
        <translation>顔照合のしきい値（読み取り専用）</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="120"/>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="121"/>
        <source>The shipped thresholds could not be read</source>
        <translation>同梱のしきい値を読み取れませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="123"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>mado::SignaturePanel</name>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Certificate</source>
        <translation>電子証明書</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Application form</source>
        <translation>申請内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Resident register</source>
        <translation>住民記録</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="67"/>
        <source>Serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="68"/>
        <source>Issuer</source>
        <translation>発行者</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="69"/>
        <source>Valid</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="70"/>
        <source>Signed at</source>
        <translation>署名日時</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="71"/>
        <source>Revocation</source>
        <translation>失効確認</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="101"/>
        <source>? The signature has not been verified yet</source>
        <translation>? 署名はまだ検証されていません</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="108"/>
        <source>✓ Valid signature: the identity method is the JPKI signature</source>
        <translation>✓ 有効な署名：本人確認の方法は公的個人認証の署名です</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="111"/>
        <source>⚠ Held (%1): a person must decide</source>
        <translation>⚠ 保留（%1）：職員が判断してください</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="114"/>
        <source>✗ Refused (%1): the signature cannot be relied on</source>
        <translation>✗ 拒否（%1）：この署名には頼れません</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="134"/>
        <source>%1 to %2</source>
        <translation>%1 から %2 まで</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="138"/>
        <source>OCSP %1, asked %2</source>
        <translation>OCSP %1（%2 に確認）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="140"/>
        <source>CRL %1 (issued %2, next update %3), checked %4</source>
        <translation>CRL %1（発行 %2、次回更新 %3）、%4 に確認</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="141"/>
        <source>(file not recorded)</source>
        <translation>（ファイル名の記録なし）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="145"/>
        <source>Not checked (the verification stopped before it)</source>
        <translation>確認していません（その前の段階で検証が止まりました）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="154"/>
        <source>Male (1)</source>
        <translation>男（1）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="155"/>
        <source>Female (2)</source>
        <translation>女（2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="156"/>
        <source>Unknown (3)</source>
        <translation>不明（3）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="160"/>
        <source>(not asked)</source>
        <translation>（申請・住民記録にない項目）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="161"/>
        <source>(not in the register)</source>
        <translation>（住民記録にありません）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="169"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="170"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="172"/>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="173"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="202"/>
        <source> (substitute character)</source>
        <translation>（代替文字）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="210"/>
        <source>The form differs from the certificate</source>
        <translation>申請内容が電子証明書と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="211"/>
        <source>The register differs from the certificate</source>
        <translation>住民記録が電子証明書と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="212"/>
        <source>The certificate differs from the form or the register</source>
        <translation>電子証明書が申請内容または住民記録と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="218"/>
        <source>(the certificate cannot be read)</source>
        <translation>（電子証明書を読み取れません）</translation>
    </message>
</context>
<context>
    <name>mado::UsersView</name>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="24"/>
        <source>clerk</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="26"/>
        <source>supervisor</source>
        <translation>監督者</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="28"/>
        <source>administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="65"/>
        <source>The accounts could not be read</source>
        <translation>アカウントを読み取れませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="86"/>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Locked until</source>
        <translation>ロック解除予定</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="104"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="105"/>
        <source>Staff accounts. Add, disable and reset accounts with madoguchi-cli (audited).</source>
        <translation>職員アカウントの一覧です。追加・無効化・再設定は madoguchi-cli で行います（監査ログに記録されます）。</translation>
    </message>
</context>
<context>
    <name>mado::WardSettingsPanel</name>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="68"/>
        <source>The issuer was saved for every workstation of the ward.</source>
        <translation>発行者を保存しました（区内のすべての端末に適用されます）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="71"/>
        <source>Enter the issuer on one line (at most %1 characters).</source>
        <translation>発行者は1行、%1文字以内で入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="51"/>
        <source>The ward settings could not be read</source>
        <translation>区の設定を読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="73"/>
        <source>The issuer could not be saved</source>
        <translation>発行者を保存できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="93"/>
        <source>Ward settings (all workstations)</source>
        <translation>区の設定（全端末共通）</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="94"/>
        <source>Issuer on certificates</source>
        <translation>証明書の発行者</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="95"/>
        <source>e.g. Mayor of XX Ward, Tokyo  XX XX</source>
        <translation>例: 東京都○○区長 ○○ ○○</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="96"/>
        <source>Save ward settings</source>
        <translation>区の設定を保存</translation>
    </message>
</context>
</TS>
