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
        <source>Every frame was taken during the challenge</source>
        <translation>すべてのフレームがチャレンジの時間内に撮影されています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="55"/>
        <source>Taken outside the time of the challenge</source>
        <translation>チャレンジの時間外に撮影されています</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="56"/>
        <source>The selfie matches the document portrait</source>
        <translation>自撮り写真は書類の顔写真と一致します</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="57"/>
        <source>Uncertain match: compare the faces carefully</source>
        <translation>一致が不確かです。顔を慎重に見比べてください</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="58"/>
        <source>The selfie does not match the document portrait</source>
        <translation>自撮り写真は書類の顔写真と一致しません</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="59"/>
        <source>The faces could not be compared</source>
        <translation>顔を比較できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="63"/>
        <source>Document face</source>
        <translation>書類の顔写真</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="64"/>
        <source>Image quality</source>
        <translation>画像の品質</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="65"/>
        <source>Head-turn steps</source>
        <translation>顔向きの動作</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="66"/>
        <source>Same person in all frames</source>
        <translation>全フレームが同一人物</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="67"/>
        <source>Flat photo</source>
        <translation>平面写真</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="68"/>
        <source>Replay</source>
        <translation>画像の使い回し</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="69"/>
        <source>Capture time</source>
        <translation>撮影時刻</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="70"/>
        <source>Face match</source>
        <translation>顔の照合</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="74"/>
        <source>The face does not match the document</source>
        <translation>顔が書類と一致しない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="75"/>
        <source>The document is invalid or expired</source>
        <translation>書類が無効または期限切れ</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="76"/>
        <source>The form does not match the register</source>
        <translation>申請内容が住民記録と一致しない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="77"/>
        <source>Suspected fraud (photo, replay)</source>
        <translation>不正の疑い（写真の撮影、使い回し）</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="78"/>
        <source>The applicant may not use this procedure</source>
        <translation>申請者はこの手続きを利用できない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="79"/>
        <source>The document photo is unreadable</source>
        <translation>書類の写真が判読できない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="80"/>
        <source>The selfie is blurred, dark or cut off</source>
        <translation>自撮り写真がぼやけている・暗い・切れている</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="81"/>
        <source>The head turns were not made as asked</source>
        <translation>顔向きの動作が指示どおりでない</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="82"/>
        <source>Another photo ID is needed</source>
        <translation>別の顔写真付き身分証明書が必要</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="113"/>
        <source>document</source>
        <translation>書類</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="118"/>
        <source>frontal frame</source>
        <translation>正面フレーム</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="119"/>
        <source>frame %1</source>
        <translation>フレーム%1</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="137"/>
        <location filename="../../ui/support/ReasonTexts.cpp" line="142"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="151"/>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="153"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="155"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="157"/>
        <source>Up</source>
        <translation>上</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="159"/>
        <source>Down</source>
        <translation>下</translation>
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
    <name>mado::CaseView</name>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="53"/>
        <source>Read only</source>
        <translation>閲覧のみ</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="84"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="84"/>
        <source>Application form</source>
        <translation>申請内容</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="84"/>
        <source>Resident register</source>
        <translation>住民記録</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="123"/>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="125"/>
        <source>Face matches by eye (Alt+1)</source>
        <translation>顔が一致する（目視）(Alt+1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="127"/>
        <source>Document valid and unexpired (Alt+2)</source>
        <translation>書類が有効・期限内 (Alt+2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="129"/>
        <source>Data matches the register (Alt+3)</source>
        <translation>住民記録と一致 (Alt+3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="131"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation>承認 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="133"/>
        <location filename="../../ui/views/CaseView.cpp" line="355"/>
        <source>Enabled when every box of the checklist is ticked</source>
        <translation>チェックリストをすべてチェックすると有効になります</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="137"/>
        <location filename="../../ui/views/CaseView.cpp" line="377"/>
        <source>Choose a reason for the rejection</source>
        <translation>却下の理由を選んでください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="142"/>
        <source>Comment for the supervisor (required)</source>
        <translation>監督者へのコメント（必須）</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="143"/>
        <source>Reject (Ctrl+R)</source>
        <translation>却下 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="145"/>
        <source>Needs a reason and a comment</source>
        <translation>理由とコメントが必要です</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="153"/>
        <location filename="../../ui/views/CaseView.cpp" line="393"/>
        <source>Choose what the applicant must send again</source>
        <translation>申請者に再提出を求める内容を選んでください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="156"/>
        <source>Request resubmission (Ctrl+Shift+R)</source>
        <translation>再提出を依頼 (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="158"/>
        <source>Next case (Ctrl+N)</source>
        <translation>次の案件 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="236"/>
        <source>Loading case…</source>
        <translation>案件を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="270"/>
        <source>The case could not be opened</source>
        <translation>案件を開けませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="281"/>
        <source>Case %1 · %2 · %3</source>
        <translation>案件 %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="283"/>
        <source>resubmission %1</source>
        <translation>再提出 %1 回目</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="283"/>
        <source>first submission</source>
        <translation>初回申請</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="286"/>
        <source>Held by the procedure policy, it cannot be approved: %1</source>
        <translation>手続きの方針により保留中のため承認できません：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="292"/>
        <source>Returned by the supervisor: %1</source>
        <translation>監督者から差し戻されました：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="309"/>
        <source>The applicant was not found in the resident register</source>
        <translation>申請者が住民記録に見つかりません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="311"/>
        <source>Resident register entry %1</source>
        <translation>住民記録 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="312"/>
        <source>%1 register entries have this name and date of birth; the first is shown. Resolve by hand.</source>
        <translation>同じ氏名・生年月日の住民記録が %1 件あります。最初の記録を表示しています。手作業で確認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="318"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="319"/>
        <source>Kana</source>
        <translation>フリガナ</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="320"/>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="321"/>
        <source>Postal code</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="322"/>
        <source>Address</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="328"/>
        <source>(not in the register)</source>
        <translation>（住民記録なし）</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="338"/>
        <source>Differs from the register</source>
        <translation>住民記録と異なります</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="354"/>
        <source>A held case cannot be approved</source>
        <translation>保留中の案件は承認できません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="378"/>
        <source>Write a comment for the supervisor</source>
        <translation>監督者へのコメントを入力してください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="448"/>
        <source>The case does not exist</source>
        <translation>案件が存在しません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="450"/>
        <source>Your role may not do this</source>
        <translation>この操作を行う権限がありません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="452"/>
        <source>Another clerk is working on this case, or your claim expired; it is shown read only</source>
        <translation>他の職員がこの案件を処理中か、担当期限が切れています。閲覧のみで表示しています</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="454"/>
        <source>The case is not open for a decision in its state; it is shown read only</source>
        <translation>この案件は現在の状態では判断できません。閲覧のみで表示しています</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="456"/>
        <source>The procedure policy does not allow approving this case</source>
        <translation>手続きの方針によりこの案件は承認できません</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="458"/>
        <source>The applicant was already asked to resubmit as often as allowed; decide the case</source>
        <translation>再提出の依頼回数が上限に達しています。案件を判断してください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="460"/>
        <source>The case store failed; try again or call the administrator</source>
        <translation>案件データベースでエラーが発生しました。再試行するか管理者に連絡してください</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="468"/>
        <source>Received</source>
        <translation>受付済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="470"/>
        <source>Imported, not verified</source>
        <translation>取込済み（未検証）</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="472"/>
        <source>Verified</source>
        <translation>検証済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="474"/>
        <source>Held</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="476"/>
        <source>Claimed</source>
        <translation>処理中</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="478"/>
        <source>Decided</source>
        <translation>判断済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="480"/>
        <source>In a batch</source>
        <translation>バッチ登録済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="482"/>
        <source>Returned</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="484"/>
        <source>Batch approved</source>
        <translation>バッチ承認済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="486"/>
        <source>Issued</source>
        <translation>交付済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="488"/>
        <source>Notified</source>
        <translation>通知済み</translation>
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
    <name>mado::ImageComparisonWidget</name>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="25"/>
        <source>Document portrait</source>
        <translation>書類の顔写真</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="27"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="113"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="156"/>
        <source>Selfie (frontal)</source>
        <translation>自撮り写真（正面）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="31"/>
        <source>The whole document photo; the card the portrait was taken from is outlined</source>
        <translation>書類写真の全体。顔写真を取り出したカードを枠で示しています</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="72"/>
        <source>Zoom in both sides (+)</source>
        <translation>両側を拡大 (+)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="73"/>
        <source>Zoom out both sides (−)</source>
        <translation>両側を縮小 (−)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="75"/>
        <source>Same face scale, centred (0)</source>
        <translation>顔の大きさをそろえて中央に表示 (0)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="77"/>
        <source>Face box</source>
        <translation>顔の枠</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="77"/>
        <source>Show the face boxes</source>
        <translation>顔の枠を表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="78"/>
        <source>Landmarks</source>
        <translation>特徴点</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="78"/>
        <source>Show the 68 landmarks</source>
        <translation>68点の特徴点を表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="80"/>
        <source>Pose axes</source>
        <translation>顔の向き</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="80"/>
        <source>Show the measured head pose</source>
        <translation>測定した顔の向きを表示</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="102"/>
        <source>Document portrait (card, rectified)</source>
        <translation>書類の顔写真（カードを正面補正）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="102"/>
        <source>Document photo</source>
        <translation>書類写真</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="126"/>
        <source>Click to compare this frame with the document</source>
        <translation>クリックするとこのフレームを書類と比較します</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="131"/>
        <source>Asked: %1</source>
        <translation>指示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="134"/>
        <source>yaw %1°, pitch %2°</source>
        <translation>ヨー %1°、ピッチ %2°</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="136"/>
        <source>pose not measured</source>
        <translation>顔の向きは未測定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="139"/>
        <source>Directions are the applicant&apos;s: left is the applicant&apos;s left (positive yaw)</source>
        <translation>方向は申請者から見た向きです。左は申請者の左（ヨーが正）です</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="157"/>
        <source>Selfie: frame %1, asked %2</source>
        <translation>自撮り写真：フレーム%1（指示：%2）</translation>
    </message>
</context>
<context>
    <name>mado::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="35"/>
        <source>Madoguchi — staff verification</source>
        <translation>窓口 — 職員確認端末 (Madoguchi)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="38"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="39"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="42"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="43"/>
        <source>&amp;About Madoguchi</source>
        <translation>窓口について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="48"/>
        <source>No applications are waiting.</source>
        <translation>確認待ちの申請はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="53"/>
        <source>Checking the face models…</source>
        <translation>顔照合モデルを確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="61"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="79"/>
        <source>Face models: ready (%1)</source>
        <translation>顔照合モデル: 使用可能 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="82"/>
        <source>Face models are damaged.</source>
        <translation>顔照合モデルが破損しています。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="83"/>
        <source>Face models are missing.</source>
        <translation>顔照合モデルがありません。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="84"/>
        <source>%1 Ask IT to run %2. Details: %3</source>
        <translation>%1 情報システム担当に %2 の実行を依頼してください。詳細: %3</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="90"/>
        <source>About Madoguchi</source>
        <translation>窓口について</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="91"/>
        <source>Madoguchi %1 — staff verification workstation for online ward counters.</source>
        <translation>窓口 %1 — オンライン窓口のための職員確認端末です。</translation>
    </message>
</context>
</TS>
