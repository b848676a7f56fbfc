<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
    <name>mado::AuditModel</name>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="84"/>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="86"/>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="88"/>
        <source>Actor</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="90"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="92"/>
        <source>Subject</source>
        <translation>対象</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="94"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>mado::AuditView</name>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="52"/>
        <source>Verifying the audit chain…</source>
        <translation>監査ログのチェーンを検証しています…</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="65"/>
        <source>The audit chain could not be read: %1</source>
        <translation>監査ログを読み取れませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="72"/>
        <source>The audit chain is intact: %1 entries. Head hash: %2</source>
        <translation>監査ログのチェーンは正常です: %1 件。末尾のハッシュ: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="74"/>
        <source>The audit chain is BROKEN at entry %1 (%2). Report this to the administrator.</source>
        <translation>監査ログのチェーンが記録 %1 で破損しています（%2）。管理者に報告してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="91"/>
        <source>Verify chain</source>
        <translation>チェーンを検証</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="92"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
</context>
<context>
    <name>mado::BatchView</name>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="140"/>
        <source>The batches could not be read: %1</source>
        <translation>バッチを読み取れませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="160"/>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="160"/>
        <source>Submitted</source>
        <translation>提出済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="198"/>
        <source>Select a batch.</source>
        <translation>バッチを選択してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="200"/>
        <source>This batch is already approved.</source>
        <translation>このバッチは承認済みです。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="202"/>
        <source>You decided a case in this batch. Another supervisor must approve it (four-eyes rule).</source>
        <translation>このバッチにはご自身が判定した案件が含まれています。別の監督者が承認してください（ダブルチェックの原則）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="204"/>
        <source>This batch has no cases left.</source>
        <translation>このバッチには案件が残っていません。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="206"/>
        <source>Enter your password again to approve.</source>
        <translation>承認するにはパスワードを再入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="229"/>
        <source>Batch %1 created.</source>
        <translation>バッチ %1 を作成しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="231"/>
        <source>The batch could not be created: %1</source>
        <translation>バッチを作成できませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="258"/>
        <source>Batch %1 approved.</source>
        <translation>バッチ %1 を承認しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="262"/>
        <source>Wrong password: batch %1 was not approved.</source>
        <translation>パスワードが違います。バッチ %1 は承認されていません。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="265"/>
        <source>Batch %1 holds your own decision: another supervisor must approve it.</source>
        <translation>バッチ %1 にはご自身の判定が含まれています。別の監督者が承認してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="268"/>
        <source>Batch %1 was not approved: %2</source>
        <translation>バッチ %1 は承認されませんでした: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="300"/>
        <source>The case was returned to its clerk.</source>
        <translation>案件を担当職員に差し戻しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="302"/>
        <source>The case could not be returned: %1</source>
        <translation>案件を差し戻せませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="323"/>
        <source>Decided cases not yet in a batch</source>
        <translation>バッチ未作成の判定済み案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="324"/>
        <source>Batches</source>
        <translation>バッチ承認</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="325"/>
        <source>Cases of the selected batch</source>
        <translation>選択したバッチの案件</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Reference</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Procedure</source>
        <translation>手続</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Decided by</source>
        <translation>判定者</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Batch</source>
        <translation>バッチ</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Submitted by</source>
        <translation>提出者</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Submitted at</source>
        <translation>提出日時</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Cases</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="334"/>
        <source>Create a batch from the selected cases</source>
        <translation>選択した案件からバッチを作成</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="335"/>
        <source>Your password</source>
        <translation>ご自身のパスワード</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="336"/>
        <source>Approve batch</source>
        <translation>バッチを承認</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="337"/>
        <source>Comment for the clerk</source>
        <translation>担当職員へのコメント</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="338"/>
        <source>Return the selected case to its clerk</source>
        <translation>選択した案件を担当職員に差し戻す</translation>
    </message>
</context>
<context>
    <name>mado::LockScreen</name>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="90"/>
        <source>The workstation is locked after a period of inactivity. Enter the password of %1 to continue.</source>
        <translation>一定時間操作がなかったため、端末をロックしました。続けるには %1 のパスワードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="93"/>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="96"/>
        <source>Wrong password.</source>
        <translation>パスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="99"/>
        <source>This account is locked. Ask an administrator.</source>
        <translation>このアカウントはロックされています。管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="102"/>
        <source>The password could not be checked: the case store could not be read.</source>
        <translation>パスワードを確認できませんでした。案件データベースを読み取れません。</translation>
    </message>
</context>
<context>
    <name>mado::LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="112"/>
        <source>Madoguchi — log in</source>
        <translation>窓口 — ログイン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="113"/>
        <source>Log in to the verification workstation</source>
        <translation>職員確認端末にログイン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="114"/>
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="115"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="116"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="117"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="120"/>
        <source>The login or the password is wrong. After repeated failures the account locks.</source>
        <translation>ログインIDまたはパスワードが違います。続けて失敗するとアカウントがロックされます。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="123"/>
        <source>This account is locked (too many wrong passwords, or disabled). Try again later or ask an administrator.</source>
        <translation>このアカウントはロックされています（パスワードの誤りが続いたか、無効化されています）。しばらくしてから再度お試しいただくか、管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="127"/>
        <source>Logging in failed: the case store could not be read.</source>
        <translation>ログインできませんでした。案件データベースを読み取れません。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="130"/>
        <source>Checking…</source>
        <translation>確認しています…</translation>
    </message>
</context>
<context>
    <name>mado::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="220"/>
        <source>Madoguchi — staff verification</source>
        <translation>窓口 — 職員確認端末 (Madoguchi)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="221"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="225"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="223"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="222"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="224"/>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="226"/>
        <source>&amp;About Madoguchi</source>
        <translation>窓口について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="227"/>
        <source>No applications are waiting.</source>
        <translation>確認待ちの申請はありません。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="229"/>
        <source>Checking the face models…</source>
        <translation>顔照合モデルを確認しています…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="240"/>
        <source>administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="241"/>
        <source>supervisor</source>
        <translation>監督者</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="242"/>
        <source>clerk</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="243"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="244"/>
        <source>Queue</source>
        <translation>申請一覧</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="244"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="245"/>
        <source>Batches</source>
        <translation>バッチ承認</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="245"/>
        <source>Audit</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="246"/>
        <source>Users</source>
        <translation>職員</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="246"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="256"/>
        <source>Case %1 (the case view is not built yet).</source>
        <translation>案件 %1（案件画面は未実装です）。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="257"/>
        <source>Open a case from the queue.</source>
        <translation>一覧から案件を開いてください。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="231"/>
        <source>Face models: ready (%1)</source>
        <translation>顔照合モデル: 使用可能 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="233"/>
        <source>Face models are damaged.</source>
        <translation>顔照合モデルが破損しています。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="234"/>
        <source>Face models are missing.</source>
        <translation>顔照合モデルがありません。</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="235"/>
        <source>%1 Ask IT to run %2. Details: %3</source>
        <translation>%1 情報システム担当に %2 の実行を依頼してください。詳細: %3</translation>
    </message>
</context>
<context>
    <name>mado::QueueModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="51"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="53"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n 時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="54"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n 日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="84"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n 件の指摘</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="100"/>
        <source>Reference</source>
        <translation>受付番号</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="102"/>
        <source>Procedure</source>
        <translation>手続</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="104"/>
        <source>Received</source>
        <translation>受付日時</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="106"/>
        <source>Age</source>
        <translation>経過</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="108"/>
        <source>AI band</source>
        <translation>AI判定</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="110"/>
        <source>Flags</source>
        <translation>指摘</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="112"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="114"/>
        <source>Assignee</source>
        <translation>担当者</translation>
    </message>
</context>
<context>
    <name>mado::QueueView</name>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="110"/>
        <source>Waiting: %1  ·  In review: %2  ·  Decided: %3</source>
        <translation>確認待ち: %1  ·  確認中: %2  ·  判定済み: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="115"/>
        <source>  ·  Pending approval: %1</source>
        <translation>  ·  承認待ち: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="128"/>
        <source>All states</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="129"/>
        <source>Verified</source>
        <translation>AI確認済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="130"/>
        <source>Held</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="131"/>
        <source>Claimed</source>
        <translation>確認中</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="132"/>
        <source>Decided</source>
        <translation>判定済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="133"/>
        <source>Batched</source>
        <translation>バッチ提出済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="134"/>
        <source>Returned</source>
        <translation>差し戻し</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="135"/>
        <source>Batch approved</source>
        <translation>バッチ承認済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="136"/>
        <source>Issued</source>
        <translation>交付済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="137"/>
        <source>Notified</source>
        <translation>通知済み</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="138"/>
        <source>All AI bands</source>
        <translation>すべてのAI判定</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="139"/>
        <source>Match</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="140"/>
        <source>Review</source>
        <translation>要確認</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="141"/>
        <source>Mismatch</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="142"/>
        <source>All procedures</source>
        <translation>すべての手続</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="143"/>
        <source>Copy of residence record</source>
        <translation>住民票の写し</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="144"/>
        <source>Tax certificate</source>
        <translation>課税証明書</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="145"/>
        <source>Tax exemption certificate</source>
        <translation>非課税証明書</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="146"/>
        <source>Tax payment certificate</source>
        <translation>納税証明書</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="147"/>
        <source>Mine</source>
        <translation>自分の担当</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="148"/>
        <source>Search by reference</source>
        <translation>受付番号で検索</translation>
    </message>
</context>
<context>
    <name>mado::SettingsView</name>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="81"/>
        <source>Settings saved.</source>
        <translation>設定を保存しました。</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="83"/>
        <source>The receiver token could not be saved.</source>
        <translation>受付サーバーのトークンを保存できませんでした。</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="96"/>
        <source>Receiver URL</source>
        <translation>受付サーバーのURL</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="97"/>
        <source>Receiver token</source>
        <translation>受付サーバーのトークン</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="98"/>
        <source>Face models directory</source>
        <translation>顔照合モデルのフォルダ</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="99"/>
        <source>Face thresholds (read-only)</source>
        <translation>顔照合のしきい値（読み取り専用）</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="101"/>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="102"/>
        <source>The shipped thresholds could not be read: %1</source>
        <translation>同梱のしきい値を読み取れませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="103"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>mado::UsersView</name>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="69"/>
        <source>The accounts could not be read: %1</source>
        <translation>アカウントを読み取れませんでした: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="78"/>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Login</source>
        <translation>ログインID</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Name</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Locked until</source>
        <translation>ロック解除予定</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="98"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="99"/>
        <source>Staff accounts. Add, disable and reset accounts with madoguchi-cli (audited).</source>
        <translation>職員アカウントの一覧です。追加・無効化・再設定は madoguchi-cli で行います（監査ログに記録されます）。</translation>
    </message>
</context>
</TS>
