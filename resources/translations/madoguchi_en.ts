<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>mado::AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="16"/>
        <source>About Madoguchi</source>
        <translation>About Madoguchi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="28"/>
        <source>Staff verification workstation for online ward counters.</source>
        <translation>Staff verification workstation for online ward counters.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="31"/>
        <source>Face models</source>
        <translation>Face models</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="35"/>
        <source>iBUG 300-W terms: no commercial use</source>
        <translation>iBUG 300-W terms: no commercial use</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="35"/>
        <source>CC0 (public domain)</source>
        <translation>CC0 (public domain)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="42"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="43"/>
        <source>dlib&apos;s face recognition model, 5-point shape predictor and MMOD face detector are released under CC0.</source>
        <translation>dlib&apos;s face recognition model, 5-point shape predictor and MMOD face detector are released under CC0.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/AboutDialog.cpp" line="46"/>
        <source>The 68-point shape predictor was trained on the iBUG 300-W data set, whose licence excludes commercial use. Madoguchi uses it only to measure head pose; a ward that needs commercial terms must replace this model.</source>
        <translation>The 68-point shape predictor was trained on the iBUG 300-W data set, whose licence excludes commercial use. Madoguchi uses it only to measure head pose; a ward that needs commercial terms must replace this model.</translation>
    </message>
</context>
<context>
    <name>mado::AuditModel</name>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="84"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="86"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="88"/>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="90"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="92"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="94"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>mado::AuditView</name>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="52"/>
        <source>Verifying the audit chain…</source>
        <translation>Verifying the audit chain…</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="65"/>
        <source>The audit chain could not be read: %1</source>
        <translation>The audit chain could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="72"/>
        <source>The audit chain is intact: %1 entries. Head hash: %2</source>
        <translation>The audit chain is intact: %1 entries. Head hash: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="74"/>
        <source>The audit chain is BROKEN at entry %1 (%2). Report this to the administrator.</source>
        <translation>The audit chain is BROKEN at entry %1 (%2). Report this to the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="91"/>
        <source>Verify chain</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="92"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>mado::BatchView</name>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="140"/>
        <source>The batches could not be read: %1</source>
        <translation>The batches could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="160"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="160"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="198"/>
        <source>Select a batch.</source>
        <translation>Select a batch.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="200"/>
        <source>This batch is already approved.</source>
        <translation>This batch is already approved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="202"/>
        <source>You decided a case in this batch. Another supervisor must approve it (four-eyes rule).</source>
        <translation>You decided a case in this batch. Another supervisor must approve it (four-eyes rule).</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="204"/>
        <source>This batch has no cases left.</source>
        <translation>This batch has no cases left.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="206"/>
        <source>Enter your password again to approve.</source>
        <translation>Enter your password again to approve.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="229"/>
        <source>Batch %1 created.</source>
        <translation>Batch %1 created.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="231"/>
        <source>The batch could not be created: %1</source>
        <translation>The batch could not be created: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="258"/>
        <source>Batch %1 approved.</source>
        <translation>Batch %1 approved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="262"/>
        <source>Wrong password: batch %1 was not approved.</source>
        <translation>Wrong password: batch %1 was not approved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="265"/>
        <source>Batch %1 holds your own decision: another supervisor must approve it.</source>
        <translation>Batch %1 holds your own decision: another supervisor must approve it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="268"/>
        <source>Batch %1 was not approved: %2</source>
        <translation>Batch %1 was not approved: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="300"/>
        <source>The case was returned to its clerk.</source>
        <translation>The case was returned to its clerk.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="302"/>
        <source>The case could not be returned: %1</source>
        <translation>The case could not be returned: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="323"/>
        <source>Decided cases not yet in a batch</source>
        <translation>Decided cases not yet in a batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="324"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="325"/>
        <source>Cases of the selected batch</source>
        <translation>Cases of the selected batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="326"/>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Submitted at</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="331"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="334"/>
        <source>Create a batch from the selected cases</source>
        <translation>Create a batch from the selected cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="335"/>
        <source>Your password</source>
        <translation>Your password</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="336"/>
        <source>Approve batch</source>
        <translation>Approve batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="337"/>
        <source>Comment for the clerk</source>
        <translation>Comment for the clerk</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="338"/>
        <source>Return the selected case to its clerk</source>
        <translation>Return the selected case to its clerk</translation>
    </message>
</context>
<context>
    <name>mado::LockScreen</name>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="90"/>
        <source>The workstation is locked after a period of inactivity. Enter the password of %1 to continue.</source>
        <translation>The workstation is locked after a period of inactivity. Enter the password of %1 to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="93"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="96"/>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="99"/>
        <source>This account is locked. Ask an administrator.</source>
        <translation>This account is locked. Ask an administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="102"/>
        <source>The password could not be checked: the case store could not be read.</source>
        <translation>The password could not be checked: the case store could not be read.</translation>
    </message>
</context>
<context>
    <name>mado::LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="112"/>
        <source>Madoguchi — log in</source>
        <translation>Madoguchi — log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="113"/>
        <source>Log in to the verification workstation</source>
        <translation>Log in to the verification workstation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="114"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="115"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="116"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="117"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="120"/>
        <source>The login or the password is wrong. After repeated failures the account locks.</source>
        <translation>The login or the password is wrong. After repeated failures the account locks.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="123"/>
        <source>This account is locked (too many wrong passwords, or disabled). Try again later or ask an administrator.</source>
        <translation>This account is locked (too many wrong passwords, or disabled). Try again later or ask an administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="127"/>
        <source>Logging in failed: the case store could not be read.</source>
        <translation>Logging in failed: the case store could not be read.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="130"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>mado::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="220"/>
        <source>Madoguchi — staff verification</source>
        <translation>Madoguchi — staff verification</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="221"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="225"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="223"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="222"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="224"/>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="226"/>
        <source>&amp;About Madoguchi</source>
        <translation>&amp;About Madoguchi</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="227"/>
        <source>No applications are waiting.</source>
        <translation>No applications are waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="229"/>
        <source>Checking the face models…</source>
        <translation>Checking the face models…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="240"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="241"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="242"/>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="243"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="244"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="244"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="245"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="245"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="246"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="246"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="256"/>
        <source>Case %1 (the case view is not built yet).</source>
        <translation>Case %1 (the case view is not built yet).</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="257"/>
        <source>Open a case from the queue.</source>
        <translation>Open a case from the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="231"/>
        <source>Face models: ready (%1)</source>
        <translation>Face models: ready (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="233"/>
        <source>Face models are damaged.</source>
        <translation>Face models are damaged.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="234"/>
        <source>Face models are missing.</source>
        <translation>Face models are missing.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="235"/>
        <source>%1 Ask IT to run %2. Details: %3</source>
        <translation>%1 Ask IT to run %2. Details: %3</translation>
    </message>
</context>
<context>
    <name>mado::QueueModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="51"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="53"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="54"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="84"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="100"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="102"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="104"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="106"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="108"/>
        <source>AI band</source>
        <translation>AI band</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="110"/>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="112"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="114"/>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
</context>
<context>
    <name>mado::QueueView</name>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="110"/>
        <source>Waiting: %1  ·  In review: %2  ·  Decided: %3</source>
        <translation>Waiting: %1  ·  In review: %2  ·  Decided: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="115"/>
        <source>  ·  Pending approval: %1</source>
        <translation>  ·  Pending approval: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="128"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="129"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="130"/>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="131"/>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="132"/>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="133"/>
        <source>Batched</source>
        <translation>Batched</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="134"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="135"/>
        <source>Batch approved</source>
        <translation>Batch approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="136"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="137"/>
        <source>Notified</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="138"/>
        <source>All AI bands</source>
        <translation>All AI bands</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="139"/>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="140"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="141"/>
        <source>Mismatch</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="142"/>
        <source>All procedures</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="143"/>
        <source>Copy of residence record</source>
        <translation>Copy of residence record</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="144"/>
        <source>Tax certificate</source>
        <translation>Tax certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="145"/>
        <source>Tax exemption certificate</source>
        <translation>Tax exemption certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="146"/>
        <source>Tax payment certificate</source>
        <translation>Tax payment certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="147"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="148"/>
        <source>Search by reference</source>
        <translation>Search by reference</translation>
    </message>
</context>
<context>
    <name>mado::SettingsView</name>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="81"/>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="83"/>
        <source>The receiver token could not be saved.</source>
        <translation>The receiver token could not be saved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="96"/>
        <source>Receiver URL</source>
        <translation>Receiver URL</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="97"/>
        <source>Receiver token</source>
        <translation>Receiver token</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="98"/>
        <source>Face models directory</source>
        <translation>Face models directory</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="99"/>
        <source>Face thresholds (read-only)</source>
        <translation>Face thresholds (read-only)</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="101"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="102"/>
        <source>The shipped thresholds could not be read: %1</source>
        <translation>The shipped thresholds could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="103"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>mado::UsersView</name>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="69"/>
        <source>The accounts could not be read: %1</source>
        <translation>The accounts could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="78"/>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="95"/>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="98"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="99"/>
        <source>Staff accounts. Add, disable and reset accounts with madoguchi-cli (audited).</source>
        <translation>Staff accounts. Add, disable and reset accounts with madoguchi-cli (audited).</translation>
    </message>
</context>
</TS>
