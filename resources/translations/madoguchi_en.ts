<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReasonTexts</name>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="20"/>
        <source>Portrait found on the document card</source>
        <translation>Portrait found on the document card</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="22"/>
        <source>No card found in the document photo; the largest face of the photo was used</source>
        <translation>No card found in the document photo; the largest face of the photo was used</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="24"/>
        <source>No portrait on the card; the largest face of the photo was used</source>
        <translation>No portrait on the card; the largest face of the photo was used</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="25"/>
        <source>No face found on the document</source>
        <translation>No face found on the document</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="26"/>
        <source>All images are sharp, well exposed and framed</source>
        <translation>All images are sharp, well exposed and framed</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="27"/>
        <source>The face is blurred</source>
        <translation>The face is blurred</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="28"/>
        <source>The face is too dark</source>
        <translation>The face is too dark</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="29"/>
        <source>The face is too bright</source>
        <translation>The face is too bright</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="30"/>
        <source>Parts of the face are over- or underexposed</source>
        <translation>Parts of the face are over- or underexposed</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="31"/>
        <source>The face is too small</source>
        <translation>The face is too small</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="32"/>
        <source>The face is close to the image edge</source>
        <translation>The face is close to the image edge</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="33"/>
        <source>The face is cut off by the image edge</source>
        <translation>The face is cut off by the image edge</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="34"/>
        <location filename="../../ui/support/ReasonTexts.cpp" line="41"/>
        <source>No face found</source>
        <translation>No face found</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="35"/>
        <source>Every head turn was made as asked</source>
        <translation>Every head turn was made as asked</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="36"/>
        <source>The face does not look straight at the camera</source>
        <translation>The face does not look straight at the camera</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="37"/>
        <source>The head was not turned far enough</source>
        <translation>The head was not turned far enough</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="38"/>
        <source>The head was turned the wrong way</source>
        <translation>The head was turned the wrong way</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="39"/>
        <source>The head was turned along the other axis</source>
        <translation>The head was turned along the other axis</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="40"/>
        <source>The head is tilted sideways</source>
        <translation>The head is tilted sideways</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="42"/>
        <source>The head pose could not be measured</source>
        <translation>The head pose could not be measured</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="43"/>
        <source>All frames show the same person</source>
        <translation>All frames show the same person</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="44"/>
        <source>The frames may not show the same person</source>
        <translation>The frames may not show the same person</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="45"/>
        <source>The frames show different people</source>
        <translation>The frames show different people</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="46"/>
        <source>Could not compare the frames</source>
        <translation>Could not compare the frames</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="47"/>
        <source>The head moves like a real face</source>
        <translation>The head moves like a real face</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="49"/>
        <source>The face moves like a flat photo (possible photo of a photo)</source>
        <translation>The face moves like a flat photo (possible photo of a photo)</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="50"/>
        <source>Could not test for a flat photo</source>
        <translation>Could not test for a flat photo</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="51"/>
        <source>No image is a copy of another</source>
        <translation>No image is a copy of another</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="52"/>
        <source>The same image was sent twice</source>
        <translation>The same image was sent twice</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="53"/>
        <source>No selfie frame is a copy of the document portrait</source>
        <translation>No selfie frame is a copy of the document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="55"/>
        <source>Looks like the document portrait itself (photo of the ID photo?): compare both pictures</source>
        <translation>Looks like the document portrait itself (photo of the ID photo?): compare both pictures</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="57"/>
        <source>Could not compare the selfie with the document portrait</source>
        <translation>Could not compare the selfie with the document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="58"/>
        <source>Every frame was taken during the challenge</source>
        <translation>Every frame was taken during the challenge</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="60"/>
        <source>Taken outside the time of the challenge</source>
        <translation>Taken outside the time of the challenge</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="61"/>
        <source>The selfie matches the document portrait</source>
        <translation>The selfie matches the document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="62"/>
        <source>Uncertain match: compare the faces carefully</source>
        <translation>Uncertain match: compare the faces carefully</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="63"/>
        <source>The selfie does not match the document portrait</source>
        <translation>The selfie does not match the document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="64"/>
        <source>The faces could not be compared</source>
        <translation>The faces could not be compared</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="68"/>
        <source>Document face</source>
        <translation>Document face</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="69"/>
        <source>Image quality</source>
        <translation>Image quality</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="70"/>
        <source>Head-turn steps</source>
        <translation>Head-turn steps</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="71"/>
        <source>Same person in all frames</source>
        <translation>Same person in all frames</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="72"/>
        <source>Flat photo</source>
        <translation>Flat photo</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="73"/>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="74"/>
        <source>Selfie copies the document</source>
        <translation>Selfie copies the document</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="75"/>
        <source>Capture time</source>
        <translation>Capture time</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="76"/>
        <source>Face match</source>
        <translation>Face match</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="80"/>
        <source>The face does not match the document</source>
        <translation>The face does not match the document</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="81"/>
        <source>The document is invalid or expired</source>
        <translation>The document is invalid or expired</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="82"/>
        <source>The form does not match the register</source>
        <translation>The form does not match the register</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="83"/>
        <source>Suspected fraud (photo, replay)</source>
        <translation>Suspected fraud (photo, replay)</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="84"/>
        <source>The applicant may not use this procedure</source>
        <translation>The applicant may not use this procedure</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="85"/>
        <source>The document photo is unreadable</source>
        <translation>The document photo is unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="86"/>
        <source>The selfie is blurred, dark or cut off</source>
        <translation>The selfie is blurred, dark or cut off</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="87"/>
        <source>The head turns were not made as asked</source>
        <translation>The head turns were not made as asked</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="88"/>
        <source>Another photo ID is needed</source>
        <translation>Another photo ID is needed</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="119"/>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="124"/>
        <source>frontal frame</source>
        <translation>frontal frame</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="125"/>
        <source>frame %1</source>
        <translation>frame %1</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="143"/>
        <location filename="../../ui/support/ReasonTexts.cpp" line="148"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="157"/>
        <source>Front</source>
        <translation>Front</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="159"/>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="161"/>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="163"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="165"/>
        <source>Down</source>
        <translation>Down</translation>
    </message>
</context>
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
    <name>mado::AiPanel</name>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="45"/>
        <source>AI evidence (advice only; the clerk decides)</source>
        <translation>AI evidence (advice only; the clerk decides)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="53"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="82"/>
        <source>Not verified yet: no AI evidence</source>
        <translation>Not verified yet: no AI evidence</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="87"/>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="88"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="89"/>
        <source>Mismatch</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="90"/>
        <source>Not measured</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="91"/>
        <source>Band: %1</source>
        <translation>Band: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="92"/>
        <source>Distance %1 (match ≤ %2, review ≤ %3): %4</source>
        <translation>Distance %1 (match ≤ %2, review ≤ %3): %4</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="103"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="104"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="105"/>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/AiPanel.cpp" line="122"/>
        <source>Notes: %1</source>
        <translation>Notes: %1</translation>
    </message>
</context>
<context>
    <name>mado::AuditModel</name>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="65"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="67"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="69"/>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="71"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="73"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../ui/models/AuditModel.cpp" line="75"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>mado::AuditView</name>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="57"/>
        <source>Verifying the audit chain…</source>
        <translation>Verifying the audit chain…</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="73"/>
        <source>The audit chain is intact: %1 entries. Head hash: %2</source>
        <translation>The audit chain is intact: %1 entries. Head hash: %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="48"/>
        <source>The audit log could not be read</source>
        <translation>The audit log could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="65"/>
        <source>The audit chain could not be read</source>
        <translation>The audit chain could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="76"/>
        <source>The audit chain is BROKEN at entry %1. Report this to the administrator.</source>
        <translation>The audit chain is BROKEN at entry %1. Report this to the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="93"/>
        <source>Verify chain</source>
        <translation>Verify chain</translation>
    </message>
    <message>
        <location filename="../../ui/views/AuditView.cpp" line="94"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>mado::BackgroundStatus</name>
    <message numerus="yes">
        <location filename="../../ui/support/BackgroundStatus.cpp" line="33"/>
        <source>Import failed: %n application(s)</source>
        <translation>
            <numerusform>Import failed: %n application</numerusform>
            <numerusform>Import failed: %n applications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundStatus.cpp" line="34"/>
        <source>Given up after repeated refusals; the applicants were asked to apply again. Reference numbers: %1. Details: madoguchi-cli import --failures</source>
        <translation>Given up after repeated refusals; the applicants were asked to apply again. Reference numbers: %1. Details: madoguchi-cli import --failures</translation>
    </message>
</context>
<context>
    <name>mado::BackgroundWork</name>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="31"/>
        <source>Applications are not imported or verified in an administrator&apos;s session; sign in as a clerk or supervisor for that.</source>
        <translation>Applications are not imported or verified in an administrator&apos;s session; sign in as a clerk or supervisor for that.</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="39"/>
        <source>Importing applications from the receiver</source>
        <translation>Importing applications from the receiver</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="43"/>
        <source>The receiver cannot be reached (attempt %1); retrying in %2 s</source>
        <translation>The receiver cannot be reached (attempt %1); retrying in %2 s</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="59"/>
        <source>Import stopped</source>
        <translation>Import stopped</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="77"/>
        <source>Outcome notices could not be read</source>
        <translation>Outcome notices could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="157"/>
        <source>Face verification cannot run: %1 (face models directory: %2)</source>
        <translation>Face verification cannot run: %1 (face models directory: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="159"/>
        <source>Face verification stopped</source>
        <translation>Face verification stopped</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="70"/>
        <source>Outcome notices waiting for the receiver: %1; retrying later</source>
        <translation>Outcome notices waiting for the receiver: %1; retrying later</translation>
    </message>
    <message>
        <location filename="../../ui/support/BackgroundWork.cpp" line="110"/>
        <location filename="../../ui/support/BackgroundWork.cpp" line="118"/>
        <source>Verifying faces of new applications</source>
        <translation>Verifying faces of new applications</translation>
    </message>
</context>
<context>
    <name>mado::BatchView</name>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="176"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="176"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="214"/>
        <source>Select a batch.</source>
        <translation>Select a batch.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="216"/>
        <source>This batch is already approved.</source>
        <translation>This batch is already approved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="218"/>
        <source>You decided a case in this batch. Another supervisor must approve it (four-eyes rule).</source>
        <translation>You decided a case in this batch. Another supervisor must approve it (four-eyes rule).</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="220"/>
        <source>This batch has no cases left.</source>
        <translation>This batch has no cases left.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="222"/>
        <source>Enter your password again to approve.</source>
        <translation>Enter your password again to approve.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="245"/>
        <source>Batch %1 created.</source>
        <translation>Batch %1 created.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="275"/>
        <source>Batch %1 approved.</source>
        <translation>Batch %1 approved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="280"/>
        <source>Wrong password: batch %1 was not approved.</source>
        <translation>Wrong password: batch %1 was not approved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="283"/>
        <source>Batch %1 holds your own decision: another supervisor must approve it.</source>
        <translation>Batch %1 holds your own decision: another supervisor must approve it.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="319"/>
        <source>The case was returned to its clerk.</source>
        <translation>The case was returned to its clerk.</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="155"/>
        <source>The batches could not be read</source>
        <translation>The batches could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="247"/>
        <source>The batch could not be created</source>
        <translation>The batch could not be created</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="286"/>
        <source>Batch %1 was not approved</source>
        <translation>Batch %1 was not approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="321"/>
        <source>The case could not be returned</source>
        <translation>The case could not be returned</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="344"/>
        <source>Decided cases not yet in a batch</source>
        <translation>Decided cases not yet in a batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="345"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="346"/>
        <source>Cases of the selected batch</source>
        <translation>Cases of the selected batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <source>Decided by</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="347"/>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Submitted at</source>
        <translation>Submitted at</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="352"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="355"/>
        <source>Create a batch from the selected cases</source>
        <translation>Create a batch from the selected cases</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="356"/>
        <source>Your password</source>
        <translation>Your password</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="357"/>
        <source>Approve batch</source>
        <translation>Approve batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="358"/>
        <source>Comment for the clerk</source>
        <translation>Comment for the clerk</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="359"/>
        <source>Return the selected case to its clerk</source>
        <translation>Return the selected case to its clerk</translation>
    </message>
    <message>
        <location filename="../../ui/views/BatchView.cpp" line="361"/>
        <source>Double-click a case to open it read-only</source>
        <translation>Double-click a case to open it read-only</translation>
    </message>
</context>
<context>
    <name>mado::CaseView</name>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="55"/>
        <source>Read only</source>
        <translation>Read only</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="86"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="86"/>
        <source>Application form</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="86"/>
        <location filename="../../ui/views/CaseView.cpp" line="123"/>
        <source>Resident register</source>
        <translation>Resident register</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="152"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="154"/>
        <source>Face matches by eye (Alt+1)</source>
        <translation>Face matches by eye (Alt+1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="156"/>
        <source>Document valid and unexpired (Alt+2)</source>
        <translation>Document valid and unexpired (Alt+2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="158"/>
        <source>Data matches the register (Alt+3)</source>
        <translation>Data matches the register (Alt+3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="160"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation>Approve (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="162"/>
        <location filename="../../ui/views/CaseView.cpp" line="417"/>
        <source>Enabled when every box of the checklist is ticked</source>
        <translation>Enabled when every box of the checklist is ticked</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="169"/>
        <location filename="../../ui/views/CaseView.cpp" line="439"/>
        <source>Choose a reason for the rejection</source>
        <translation>Choose a reason for the rejection</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="174"/>
        <source>Comment for the supervisor (required)</source>
        <translation>Comment for the supervisor (required)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="175"/>
        <source>Reject (Ctrl+R)</source>
        <translation>Reject (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="177"/>
        <source>Needs a reason and a comment</source>
        <translation>Needs a reason and a comment</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="187"/>
        <location filename="../../ui/views/CaseView.cpp" line="455"/>
        <source>Choose what the applicant must send again</source>
        <translation>Choose what the applicant must send again</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="190"/>
        <source>Request resubmission (Ctrl+Shift+R)</source>
        <translation>Request resubmission (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="192"/>
        <source>Next case (Ctrl+N)</source>
        <translation>Next case (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="270"/>
        <source>Loading case…</source>
        <translation>Loading case…</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="300"/>
        <source>The case could not be opened</source>
        <translation>The case could not be opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="312"/>
        <source>Case %1 · %2 · %3</source>
        <translation>Case %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="314"/>
        <source>resubmission %1</source>
        <translation>resubmission %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="314"/>
        <source>first submission</source>
        <translation>first submission</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="318"/>
        <source>Held by the procedure policy, it cannot be approved: %1</source>
        <translation>Held by the procedure policy, it cannot be approved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="320"/>
        <source>The images of this closed case were deleted by retention on %1.</source>
        <translation>The images of this closed case were deleted by retention on %1.</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="329"/>
        <source>Returned by the supervisor: %1</source>
        <translation>Returned by the supervisor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="347"/>
        <source>The applicant was not found in the resident register</source>
        <translation>The applicant was not found in the resident register</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="349"/>
        <source>Resident register entry %1</source>
        <translation>Resident register entry %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="350"/>
        <source>%1 register entries have this name and date of birth; the first is shown. Resolve by hand.</source>
        <translation>%1 register entries have this name and date of birth; the first is shown. Resolve by hand.</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="356"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="357"/>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="358"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="359"/>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="360"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="366"/>
        <source>(not in the register)</source>
        <translation>(not in the register)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="376"/>
        <source>Differs from the register</source>
        <translation>Differs from the register</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="387"/>
        <source>JPKI signature (My Number card)</source>
        <translation>JPKI signature (My Number card)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="416"/>
        <source>A held case cannot be approved</source>
        <translation>A held case cannot be approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="440"/>
        <source>Write a comment for the supervisor</source>
        <translation>Write a comment for the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="515"/>
        <source>The case does not exist</source>
        <translation>The case does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="517"/>
        <source>Your role may not do this</source>
        <translation>Your role may not do this</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="519"/>
        <source>Another clerk is working on this case, or your claim expired; it is shown read only</source>
        <translation>Another clerk is working on this case, or your claim expired; it is shown read only</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="521"/>
        <source>The case is not open for a decision in its state; it is shown read only</source>
        <translation>The case is not open for a decision in its state; it is shown read only</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="523"/>
        <source>The procedure policy does not allow approving this case</source>
        <translation>The procedure policy does not allow approving this case</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="525"/>
        <source>The applicant was already asked to resubmit as often as allowed; decide the case</source>
        <translation>The applicant was already asked to resubmit as often as allowed; decide the case</translation>
    </message>
</context>
<context>
    <name>mado::DistanceGauge</name>
    <message>
        <location filename="../../ui/widgets/DistanceGauge.cpp" line="34"/>
        <source>Distance not measured</source>
        <translation>Distance not measured</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/DistanceGauge.cpp" line="34"/>
        <source>Distance %1</source>
        <translation>Distance %1</translation>
    </message>
</context>
<context>
    <name>mado::DomainTexts</name>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="10"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="11"/>
        <source>Imported, not verified</source>
        <translation>Imported, not verified</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="12"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="13"/>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="14"/>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="15"/>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="16"/>
        <source>In a batch</source>
        <translation>In a batch</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="17"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="18"/>
        <source>Batch approved</source>
        <translation>Batch approved</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="19"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="20"/>
        <source>Notified</source>
        <translation>Notified</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="28"/>
        <source>Copy of the residence certificate (住民票の写し)</source>
        <translation>Copy of the residence certificate (住民票の写し)</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="29"/>
        <source>Tax certificate (課税証明書)</source>
        <translation>Tax certificate (課税証明書)</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="30"/>
        <source>Tax exemption certificate (非課税証明書)</source>
        <translation>Tax exemption certificate (非課税証明書)</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="31"/>
        <source>Tax payment certificate (納税証明書)</source>
        <translation>Tax payment certificate (納税証明書)</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="39"/>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="40"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="41"/>
        <source>Mismatch</source>
        <translation>Mismatch</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="49"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="50"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/support/DomainTexts.cpp" line="51"/>
        <source>Resubmission requested</source>
        <translation>Resubmission requested</translation>
    </message>
</context>
<context>
    <name>mado::ErrorTexts</name>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="9"/>
        <source>The input was not accepted.</source>
        <translation>The input was not accepted.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="11"/>
        <source>A file could not be read or written.</source>
        <translation>A file could not be read or written.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="13"/>
        <source>The image is empty.</source>
        <translation>The image is empty.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="15"/>
        <source>The image format is not supported.</source>
        <translation>The image format is not supported.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="17"/>
        <source>The image is too large.</source>
        <translation>The image is too large.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="19"/>
        <source>The image is damaged.</source>
        <translation>The image is damaged.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="21"/>
        <source>No face was found in the image.</source>
        <translation>No face was found in the image.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="23"/>
        <source>The application data is invalid.</source>
        <translation>The application data is invalid.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="25"/>
        <source>The face models are missing.</source>
        <translation>The face models are missing.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="27"/>
        <source>The face models are damaged.</source>
        <translation>The face models are damaged.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="29"/>
        <source>The receiver cannot be reached over the network.</source>
        <translation>The receiver cannot be reached over the network.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="31"/>
        <source>The case store could not be read or written. Try again; if it persists, call the administrator.</source>
        <translation>The case store could not be read or written. Try again; if it persists, call the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="33"/>
        <source>The case store was written by a newer Madoguchi. Update this workstation.</source>
        <translation>The case store was written by a newer Madoguchi. Update this workstation.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="35"/>
        <source>It was not found (it may have been deleted).</source>
        <translation>It was not found (it may have been deleted).</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="37"/>
        <source>It already exists.</source>
        <translation>It already exists.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="39"/>
        <source>Your role may not do this.</source>
        <translation>Your role may not do this.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="41"/>
        <source>This is not possible in the current state. Refresh the page.</source>
        <translation>This is not possible in the current state. Refresh the page.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="43"/>
        <source>Someone else changed it at the same time. Refresh the page.</source>
        <translation>Someone else changed it at the same time. Refresh the page.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="45"/>
        <source>You decided a case in it: another supervisor must approve it (four-eyes rule).</source>
        <translation>You decided a case in it: another supervisor must approve it (four-eyes rule).</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="47"/>
        <source>The procedure policy does not allow this.</source>
        <translation>The procedure policy does not allow this.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="49"/>
        <source>A limit was reached (for example the number of resubmission requests).</source>
        <translation>A limit was reached (for example the number of resubmission requests).</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="51"/>
        <source>The login or the password is wrong.</source>
        <translation>The login or the password is wrong.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="53"/>
        <source>The account is locked or disabled.</source>
        <translation>The account is locked or disabled.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="55"/>
        <source>The connection to the case store server was lost; nothing was saved. The next step reconnects: try again. If it persists, call the administrator.</source>
        <translation>The connection to the case store server was lost; nothing was saved. The next step reconnects: try again. If it persists, call the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="58"/>
        <source>The receiver refused this workstation&apos;s token. Ask IT to check the settings.</source>
        <translation>The receiver refused this workstation&apos;s token. Ask IT to check the settings.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="60"/>
        <source>It has expired.</source>
        <translation>It has expired.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="62"/>
        <source>Too many requests. Try again later.</source>
        <translation>Too many requests. Try again later.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="64"/>
        <source>An internal error occurred. Call the administrator.</source>
        <translation>An internal error occurred. Call the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="67"/>
        <source>An unexpected error occurred (code %1). Call the administrator.</source>
        <translation>An unexpected error occurred (code %1). Call the administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="72"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="79"/>
        <source>Details for IT: %1 — %2</source>
        <translation>Details for IT: %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ErrorTexts.cpp" line="84"/>
        <source>Details for IT: %1</source>
        <translation>Details for IT: %1</translation>
    </message>
</context>
<context>
    <name>mado::FirstStartDialog</name>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="159"/>
        <source>Open a case store</source>
        <translation>Open a case store</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="160"/>
        <source>Case stores (*.sqlite);;All files (*)</source>
        <translation>Case stores (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="297"/>
        <source>Enter the store file and the admin&apos;s login</source>
        <translation>Enter the store file and the admin&apos;s login</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="300"/>
        <source>The two passwords differ</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="303"/>
        <source>There is a file at this place already; choose “Open an existing store”</source>
        <translation>There is a file at this place already; choose “Open an existing store”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="306"/>
        <source>The store&apos;s folder could not be created</source>
        <translation>The store&apos;s folder could not be created</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="310"/>
        <source>The case store could not be created</source>
        <translation>The case store could not be created</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="315"/>
        <source>Creating the store and the admin account…</source>
        <translation>Creating the store and the admin account…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="331"/>
        <source>The admin account could not be created</source>
        <translation>The admin account could not be created</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="343"/>
        <source>The server store&apos;s address is not a URL such as postgresql://host/database</source>
        <translation>The server store&apos;s address is not a URL such as postgresql://host/database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="346"/>
        <source>Enter the store file</source>
        <translation>Enter the store file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="351"/>
        <source>The server store could not be opened</source>
        <translation>The server store could not be opened</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="352"/>
        <source>There is no case store at this place</source>
        <translation>There is no case store at this place</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="356"/>
        <source>The case store could not be opened</source>
        <translation>The case store could not be opened</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="369"/>
        <source>The face models are there and verified.</source>
        <translation>The face models are there and verified.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="371"/>
        <source>The face models are damaged: fetch them again.</source>
        <translation>The face models are damaged: fetch them again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="374"/>
        <source>The face models are missing. Fetch them now (about 200 MB from Debian&apos;s dlib source package), or set MADOGUCHI_MODELS_DIR to a folder that has them.</source>
        <translation>The face models are missing. Fetch them now (about 200 MB from Debian&apos;s dlib source package), or set MADOGUCHI_MODELS_DIR to a folder that has them.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="412"/>
        <source>Unpacking and checking the models…</source>
        <translation>Unpacking and checking the models…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="414"/>
        <source>Downloading the models: %1 of %2 MB</source>
        <translation>Downloading the models: %1 of %2 MB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="416"/>
        <source>Downloading the models: %1 MB</source>
        <translation>Downloading the models: %1 MB</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="437"/>
        <source>The fetch was cancelled; nothing was installed.</source>
        <translation>The fetch was cancelled; nothing was installed.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="440"/>
        <source>The download server cannot be reached or has no models archive at this address.</source>
        <translation>The download server cannot be reached or has no models archive at this address.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="442"/>
        <source>The download is not a models archive.</source>
        <translation>The download is not a models archive.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="445"/>
        <source>The models could not be fetched: %1</source>
        <translation>The models could not be fetched: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="469"/>
        <source>Madoguchi — first start</source>
        <translation>Madoguchi — first start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="470"/>
        <source>Set up this workstation</source>
        <translation>Set up this workstation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="471"/>
        <source>No case store was found. Create a new one on this PC with its first admin account, open an existing store file, or connect to the ward&apos;s server store.</source>
        <translation>No case store was found. Create a new one on this PC with its first admin account, open an existing store file, or connect to the ward&apos;s server store.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="473"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="474"/>
        <source>Case store</source>
        <translation>Case store</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="475"/>
        <source>Create a new store</source>
        <translation>Create a new store</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="476"/>
        <source>Open an existing store</source>
        <translation>Open an existing store</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="477"/>
        <source>Connect to a server store</source>
        <translation>Connect to a server store</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="478"/>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="484"/>
        <source>Store file</source>
        <translation>Store file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="479"/>
        <source>Admin login</source>
        <translation>Admin login</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="480"/>
        <source>Admin name</source>
        <translation>Admin name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="481"/>
        <source>(the login when empty)</source>
        <translation>(the login when empty)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="482"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="483"/>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="485"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="486"/>
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="487"/>
        <source>The address IT gave you, for example postgresql://host/database.</source>
        <translation>The address IT gave you, for example postgresql://host/database.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="488"/>
        <source>Face models</source>
        <translation>Face models</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="491"/>
        <source>Folder: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="492"/>
        <source>Folder: %1 (from MADOGUCHI_MODELS_DIR)</source>
        <translation>Folder: %1 (from MADOGUCHI_MODELS_DIR)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="493"/>
        <source>Checking the face models…</source>
        <translation>Checking the face models…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="494"/>
        <source>Fetch the models</source>
        <translation>Fetch the models</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="495"/>
        <source>Cancel the fetch</source>
        <translation>Cancel the fetch</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="497"/>
        <source>Create and start</source>
        <translation>Create and start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="498"/>
        <source>Open and start</source>
        <translation>Open and start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/FirstStartDialog.cpp" line="499"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>mado::ImageComparisonWidget</name>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="27"/>
        <source>Document portrait</source>
        <translation>Document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="29"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="127"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="175"/>
        <source>Selfie (frontal)</source>
        <translation>Selfie (frontal)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="33"/>
        <source>The whole document photo; the card the portrait was taken from is outlined</source>
        <translation>The whole document photo; the card the portrait was taken from is outlined</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="86"/>
        <source>Zoom in both sides (+)</source>
        <translation>Zoom in both sides (+)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="87"/>
        <source>Zoom out both sides (−)</source>
        <translation>Zoom out both sides (−)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="89"/>
        <source>Same face scale, centred (0)</source>
        <translation>Same face scale, centred (0)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="91"/>
        <source>Face box</source>
        <translation>Face box</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="91"/>
        <source>Show the face boxes</source>
        <translation>Show the face boxes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="92"/>
        <source>Landmarks</source>
        <translation>Landmarks</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="92"/>
        <source>Show the 68 landmarks</source>
        <translation>Show the 68 landmarks</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="94"/>
        <source>Pose axes</source>
        <translation>Pose axes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="94"/>
        <source>Show the measured head pose</source>
        <translation>Show the measured head pose</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="116"/>
        <source>Document portrait (card, rectified)</source>
        <translation>Document portrait (card, rectified)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="116"/>
        <source>Document photo</source>
        <translation>Document photo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="140"/>
        <source>Click to compare this frame with the document</source>
        <translation>Click to compare this frame with the document</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="145"/>
        <source>Asked: %1</source>
        <translation>Asked: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="148"/>
        <source>yaw %1°, pitch %2°</source>
        <translation>yaw %1°, pitch %2°</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="150"/>
        <source>pose not measured</source>
        <translation>pose not measured</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="153"/>
        <source>Directions are the applicant&apos;s: left is the applicant&apos;s left (positive yaw)</source>
        <translation>Directions are the applicant&apos;s: left is the applicant&apos;s left (positive yaw)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="176"/>
        <source>Selfie: frame %1, asked %2</source>
        <translation>Selfie: frame %1, asked %2</translation>
    </message>
</context>
<context>
    <name>mado::IssuanceView</name>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="131"/>
        <source>The cases could not be read</source>
        <translation>The cases could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="162"/>
        <source>Ready to issue</source>
        <translation>Ready to issue</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="163"/>
        <source>Held (policy)</source>
        <translation>Held (policy)</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="164"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="166"/>
        <source>Not sent yet</source>
        <translation>Not sent yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="167"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="221"/>
        <source>(assigned at issuance)</source>
        <translation>(assigned at issuance)</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="235"/>
        <location filename="../../ui/views/IssuanceView.cpp" line="250"/>
        <source>Select a case.</source>
        <translation>Select a case.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="237"/>
        <source>Case %1 — certificate No. %2</source>
        <translation>Case %1 — certificate No. %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="239"/>
        <source>Case %1 — not issued yet</source>
        <translation>Case %1 — not issued yet</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="250"/>
        <source>The certificate cannot be previewed.</source>
        <translation>The certificate cannot be previewed.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="272"/>
        <source>The applicant is not found exactly once in the resident register (name and date of birth); resolve it by hand before issuing.</source>
        <translation>The applicant is not found exactly once in the resident register (name and date of birth); resolve it by hand before issuing.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="275"/>
        <source>There is no certificate template for this procedure yet: it cannot be issued here.</source>
        <translation>There is no certificate template for this procedure yet: it cannot be issued here.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="277"/>
        <source>The certificate cannot be prepared</source>
        <translation>The certificate cannot be prepared</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="289"/>
        <source>This case cannot be issued</source>
        <translation>This case cannot be issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="345"/>
        <source>The certificate was not issued</source>
        <translation>The certificate was not issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="354"/>
        <source>Issued: certificate No. %1. The receiver could not be notified; the notice will be sent again automatically.</source>
        <translation>Issued: certificate No. %1. The receiver could not be notified; the notice will be sent again automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="390"/>
        <source>The PDF could not be saved</source>
        <translation>The PDF could not be saved</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="425"/>
        <source>The receiver could not be notified; the notice will be sent again automatically</source>
        <translation>The receiver could not be notified; the notice will be sent again automatically</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="285"/>
        <source>This case cannot be issued (held by policy): %1</source>
        <translation>This case cannot be issued (held by policy): %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="287"/>
        <source>This case cannot be issued yet: it must be approved in an approved batch.</source>
        <translation>This case cannot be issued yet: it must be approved in an approved batch.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="318"/>
        <source>No receiver is configured (Settings).</source>
        <translation>No receiver is configured (Settings).</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="326"/>
        <source>Issue the certificate</source>
        <translation>Issue the certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="327"/>
        <source>Issue the certificate for application %1?
A certificate number is assigned now and the applicant is told on LINE. This cannot be undone.</source>
        <translation>Issue the certificate for application %1?
A certificate number is assigned now and the applicant is told on LINE. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="330"/>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="330"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="334"/>
        <source>Issuing the certificate…</source>
        <translation>Issuing the certificate…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="350"/>
        <source>Issued: certificate No. %1. The receiver was notified; the applicant gets a LINE message.</source>
        <translation>Issued: certificate No. %1. The receiver was notified; the applicant gets a LINE message.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="379"/>
        <source>Save the mailing label</source>
        <translation>Save the mailing label</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="379"/>
        <source>Save the certificate</source>
        <translation>Save the certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="379"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="385"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="397"/>
        <source>A PDF is being saved; try again in a moment.</source>
        <translation>A PDF is being saved; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="400"/>
        <source>Saving the PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="411"/>
        <source>Notifying the receiver…</source>
        <translation>Notifying the receiver…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="423"/>
        <source>The receiver was notified; the applicant gets a LINE message.</source>
        <translation>The receiver was notified; the applicant gets a LINE message.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="459"/>
        <source>Cases to issue, held cases and today&apos;s issuances</source>
        <translation>Cases to issue, held cases and today&apos;s issuances</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Certificate No.</source>
        <translation>Certificate No.</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="460"/>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="464"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="465"/>
        <source>Mailing label</source>
        <translation>Mailing label</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="467"/>
        <source>Issue…</source>
        <translation>Issue…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="468"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="469"/>
        <source>Mailing label PDF…</source>
        <translation>Mailing label PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/views/IssuanceView.cpp" line="470"/>
        <source>Notify again</source>
        <translation>Notify again</translation>
    </message>
</context>
<context>
    <name>mado::LockScreen</name>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="92"/>
        <source>The workstation is locked after a period of inactivity. Enter the password of %1 to continue.</source>
        <translation>The workstation is locked after a period of inactivity. Enter the password of %1 to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="95"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="99"/>
        <source>Wrong password.</source>
        <translation>Wrong password.</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="102"/>
        <source>This account is locked. Ask an administrator.</source>
        <translation>This account is locked. Ask an administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/views/LockScreen.cpp" line="105"/>
        <source>The password could not be checked</source>
        <translation>The password could not be checked</translation>
    </message>
</context>
<context>
    <name>mado::LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="114"/>
        <source>Madoguchi — log in</source>
        <translation>Madoguchi — log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="115"/>
        <source>Log in to the verification workstation</source>
        <translation>Log in to the verification workstation</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="116"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="117"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="118"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="119"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="123"/>
        <source>The login or the password is wrong. After repeated failures the account locks.</source>
        <translation>The login or the password is wrong. After repeated failures the account locks.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="126"/>
        <source>This account is locked (too many wrong passwords, or disabled). Try again later or ask an administrator.</source>
        <translation>This account is locked (too many wrong passwords, or disabled). Try again later or ask an administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="130"/>
        <source>Logging in failed</source>
        <translation>Logging in failed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/LoginDialog.cpp" line="133"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>mado::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="272"/>
        <source>Madoguchi — staff verification</source>
        <translation>Madoguchi — staff verification</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="273"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="277"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="275"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="274"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="276"/>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="278"/>
        <source>&amp;About Madoguchi</source>
        <translation>&amp;About Madoguchi</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="279"/>
        <source>No applications are waiting.</source>
        <translation>No applications are waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="281"/>
        <source>Checking the face models…</source>
        <translation>Checking the face models…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="286"/>
        <source>%1 Ask IT to run %2.</source>
        <translation>%1 Ask IT to run %2.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="295"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="296"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="297"/>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="298"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="299"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="299"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="300"/>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="300"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="301"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="301"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="302"/>
        <source>Issuance</source>
        <translation>Issuance</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="312"/>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="312"/>
        <source>Open a case from the queue.</source>
        <translation>Open a case from the queue.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="283"/>
        <source>Face models: ready (%1)</source>
        <translation>Face models: ready (%1)</translation>
    </message>
</context>
<context>
    <name>mado::QueueModel</name>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="66"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="68"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="69"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/models/QueueModel.cpp" line="99"/>
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="115"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="117"/>
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="119"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="121"/>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="123"/>
        <source>AI band</source>
        <translation>AI band</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="125"/>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="127"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/models/QueueModel.cpp" line="129"/>
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
</context>
<context>
    <name>mado::QueueView</name>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="104"/>
        <source>The queue could not be read</source>
        <translation>The queue could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="136"/>
        <source>%1 (held: %2)</source>
        <translation>%1 (held: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="137"/>
        <source>Waiting: %1  ·  In review: %2  ·  Decided: %3</source>
        <translation>Waiting: %1  ·  In review: %2  ·  Decided: %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="142"/>
        <source>  ·  Pending approval: %1</source>
        <translation>  ·  Pending approval: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="156"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="157"/>
        <source>All AI bands</source>
        <translation>All AI bands</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="158"/>
        <source>All procedures</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="159"/>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../ui/views/QueueView.cpp" line="160"/>
        <source>Search by reference</source>
        <translation>Search by reference</translation>
    </message>
</context>
<context>
    <name>mado::SettingsView</name>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="89"/>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="91"/>
        <source>The receiver token could not be saved.</source>
        <translation>The receiver token could not be saved.</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="113"/>
        <source>Receiver URL</source>
        <translation>Receiver URL</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="114"/>
        <source>Receiver token</source>
        <translation>Receiver token</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="115"/>
        <source>Receiver CA certificate file</source>
        <translation>Receiver CA certificate file</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="116"/>
        <source>Empty: the system&apos;s CA certificates</source>
        <translation>Empty: the system&apos;s CA certificates</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="117"/>
        <source>Face models directory</source>
        <translation>Face models directory</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="118"/>
        <source>Face thresholds (read-only)</source>
        <translation>Face thresholds (read-only)</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="120"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="121"/>
        <source>The shipped thresholds could not be read</source>
        <translation>The shipped thresholds could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/SettingsView.cpp" line="123"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>mado::SignaturePanel</name>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Application form</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="43"/>
        <source>Resident register</source>
        <translation>Resident register</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="67"/>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="68"/>
        <source>Issuer</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="69"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="70"/>
        <source>Signed at</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="71"/>
        <source>Revocation</source>
        <translation>Revocation</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="101"/>
        <source>? The signature has not been verified yet</source>
        <translation>? The signature has not been verified yet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="108"/>
        <source>✓ Valid signature: the identity method is the JPKI signature</source>
        <translation>✓ Valid signature: the identity method is the JPKI signature</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="111"/>
        <source>⚠ Held (%1): a person must decide</source>
        <translation>⚠ Held (%1): a person must decide</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="114"/>
        <source>✗ Refused (%1): the signature cannot be relied on</source>
        <translation>✗ Refused (%1): the signature cannot be relied on</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="134"/>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="138"/>
        <source>OCSP %1, asked %2</source>
        <translation>OCSP %1, asked %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="140"/>
        <source>CRL %1 (issued %2, next update %3), checked %4</source>
        <translation>CRL %1 (issued %2, next update %3), checked %4</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="141"/>
        <source>(file not recorded)</source>
        <translation>(file not recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="145"/>
        <source>Not checked (the verification stopped before it)</source>
        <translation>Not checked (the verification stopped before it)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="154"/>
        <source>Male (1)</source>
        <translation>Male (1)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="155"/>
        <source>Female (2)</source>
        <translation>Female (2)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="156"/>
        <source>Unknown (3)</source>
        <translation>Unknown (3)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="160"/>
        <source>(not asked)</source>
        <translation>(not asked)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="161"/>
        <source>(not in the register)</source>
        <translation>(not in the register)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="169"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="170"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="172"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="173"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="202"/>
        <source> (substitute character)</source>
        <translation> (substitute character)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="210"/>
        <source>The form differs from the certificate</source>
        <translation>The form differs from the certificate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="211"/>
        <source>The register differs from the certificate</source>
        <translation>The register differs from the certificate</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="212"/>
        <source>The certificate differs from the form or the register</source>
        <translation>The certificate differs from the form or the register</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/SignaturePanel.cpp" line="218"/>
        <source>(the certificate cannot be read)</source>
        <translation>(the certificate cannot be read)</translation>
    </message>
</context>
<context>
    <name>mado::UsersView</name>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="24"/>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="26"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="28"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="65"/>
        <source>The accounts could not be read</source>
        <translation>The accounts could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="86"/>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="101"/>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="104"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/views/UsersView.cpp" line="105"/>
        <source>Staff accounts. Add, disable and reset accounts with madoguchi-cli (audited).</source>
        <translation>Staff accounts. Add, disable and reset accounts with madoguchi-cli (audited).</translation>
    </message>
</context>
<context>
    <name>mado::WardSettingsPanel</name>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="68"/>
        <source>The issuer was saved for every workstation of the ward.</source>
        <translation>The issuer was saved for every workstation of the ward.</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="71"/>
        <source>Enter the issuer on one line (at most %1 characters).</source>
        <translation>Enter the issuer on one line (at most %1 characters).</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="51"/>
        <source>The ward settings could not be read</source>
        <translation>The ward settings could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="73"/>
        <source>The issuer could not be saved</source>
        <translation>The issuer could not be saved</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="93"/>
        <source>Ward settings (all workstations)</source>
        <translation>Ward settings (all workstations)</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="94"/>
        <source>Issuer on certificates</source>
        <translation>Issuer on certificates</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="95"/>
        <source>e.g. Mayor of XX Ward, Tokyo  XX XX</source>
        <translation>e.g. Mayor of XX Ward, Tokyo  XX XX</translation>
    </message>
    <message>
        <location filename="../../ui/views/WardSettingsPanel.cpp" line="96"/>
        <source>Save ward settings</source>
        <translation>Save ward settings</translation>
    </message>
</context>
</TS>
