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
        <source>Every frame was taken during the challenge</source>
        <translation>Every frame was taken during the challenge</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="55"/>
        <source>Taken outside the time of the challenge</source>
        <translation>Taken outside the time of the challenge</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="56"/>
        <source>The selfie matches the document portrait</source>
        <translation>The selfie matches the document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="57"/>
        <source>Uncertain match: compare the faces carefully</source>
        <translation>Uncertain match: compare the faces carefully</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="58"/>
        <source>The selfie does not match the document portrait</source>
        <translation>The selfie does not match the document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="59"/>
        <source>The faces could not be compared</source>
        <translation>The faces could not be compared</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="63"/>
        <source>Document face</source>
        <translation>Document face</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="64"/>
        <source>Image quality</source>
        <translation>Image quality</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="65"/>
        <source>Head-turn steps</source>
        <translation>Head-turn steps</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="66"/>
        <source>Same person in all frames</source>
        <translation>Same person in all frames</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="67"/>
        <source>Flat photo</source>
        <translation>Flat photo</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="68"/>
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="69"/>
        <source>Capture time</source>
        <translation>Capture time</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="70"/>
        <source>Face match</source>
        <translation>Face match</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="74"/>
        <source>The face does not match the document</source>
        <translation>The face does not match the document</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="75"/>
        <source>The document is invalid or expired</source>
        <translation>The document is invalid or expired</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="76"/>
        <source>The form does not match the register</source>
        <translation>The form does not match the register</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="77"/>
        <source>Suspected fraud (photo, replay)</source>
        <translation>Suspected fraud (photo, replay)</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="78"/>
        <source>The applicant may not use this procedure</source>
        <translation>The applicant may not use this procedure</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="79"/>
        <source>The document photo is unreadable</source>
        <translation>The document photo is unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="80"/>
        <source>The selfie is blurred, dark or cut off</source>
        <translation>The selfie is blurred, dark or cut off</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="81"/>
        <source>The head turns were not made as asked</source>
        <translation>The head turns were not made as asked</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="82"/>
        <source>Another photo ID is needed</source>
        <translation>Another photo ID is needed</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="113"/>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="118"/>
        <source>frontal frame</source>
        <translation>frontal frame</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="119"/>
        <source>frame %1</source>
        <translation>frame %1</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="137"/>
        <location filename="../../ui/support/ReasonTexts.cpp" line="142"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="151"/>
        <source>Front</source>
        <translation>Front</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="153"/>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="155"/>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="157"/>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../ui/support/ReasonTexts.cpp" line="159"/>
        <source>Down</source>
        <translation>Down</translation>
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
    <name>mado::CaseView</name>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="53"/>
        <source>Read only</source>
        <translation>Read only</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="84"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="84"/>
        <source>Application form</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="84"/>
        <source>Resident register</source>
        <translation>Resident register</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="123"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="125"/>
        <source>Face matches by eye (Alt+1)</source>
        <translation>Face matches by eye (Alt+1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="127"/>
        <source>Document valid and unexpired (Alt+2)</source>
        <translation>Document valid and unexpired (Alt+2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="129"/>
        <source>Data matches the register (Alt+3)</source>
        <translation>Data matches the register (Alt+3)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="131"/>
        <source>Approve (Ctrl+Enter)</source>
        <translation>Approve (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="133"/>
        <location filename="../../ui/views/CaseView.cpp" line="355"/>
        <source>Enabled when every box of the checklist is ticked</source>
        <translation>Enabled when every box of the checklist is ticked</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="137"/>
        <location filename="../../ui/views/CaseView.cpp" line="377"/>
        <source>Choose a reason for the rejection</source>
        <translation>Choose a reason for the rejection</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="142"/>
        <source>Comment for the supervisor (required)</source>
        <translation>Comment for the supervisor (required)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="143"/>
        <source>Reject (Ctrl+R)</source>
        <translation>Reject (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="145"/>
        <source>Needs a reason and a comment</source>
        <translation>Needs a reason and a comment</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="153"/>
        <location filename="../../ui/views/CaseView.cpp" line="393"/>
        <source>Choose what the applicant must send again</source>
        <translation>Choose what the applicant must send again</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="156"/>
        <source>Request resubmission (Ctrl+Shift+R)</source>
        <translation>Request resubmission (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="158"/>
        <source>Next case (Ctrl+N)</source>
        <translation>Next case (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="236"/>
        <source>Loading case…</source>
        <translation>Loading case…</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="270"/>
        <source>The case could not be opened</source>
        <translation>The case could not be opened</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="281"/>
        <source>Case %1 · %2 · %3</source>
        <translation>Case %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="283"/>
        <source>resubmission %1</source>
        <translation>resubmission %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="283"/>
        <source>first submission</source>
        <translation>first submission</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="286"/>
        <source>Held by the procedure policy, it cannot be approved: %1</source>
        <translation>Held by the procedure policy, it cannot be approved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="292"/>
        <source>Returned by the supervisor: %1</source>
        <translation>Returned by the supervisor: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="309"/>
        <source>The applicant was not found in the resident register</source>
        <translation>The applicant was not found in the resident register</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="311"/>
        <source>Resident register entry %1</source>
        <translation>Resident register entry %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="312"/>
        <source>%1 register entries have this name and date of birth; the first is shown. Resolve by hand.</source>
        <translation>%1 register entries have this name and date of birth; the first is shown. Resolve by hand.</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="318"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="319"/>
        <source>Kana</source>
        <translation>Kana</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="320"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="321"/>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="322"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="328"/>
        <source>(not in the register)</source>
        <translation>(not in the register)</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="338"/>
        <source>Differs from the register</source>
        <translation>Differs from the register</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="354"/>
        <source>A held case cannot be approved</source>
        <translation>A held case cannot be approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="378"/>
        <source>Write a comment for the supervisor</source>
        <translation>Write a comment for the supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="448"/>
        <source>The case does not exist</source>
        <translation>The case does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="450"/>
        <source>Your role may not do this</source>
        <translation>Your role may not do this</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="452"/>
        <source>Another clerk is working on this case, or your claim expired; it is shown read only</source>
        <translation>Another clerk is working on this case, or your claim expired; it is shown read only</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="454"/>
        <source>The case is not open for a decision in its state; it is shown read only</source>
        <translation>The case is not open for a decision in its state; it is shown read only</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="456"/>
        <source>The procedure policy does not allow approving this case</source>
        <translation>The procedure policy does not allow approving this case</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="458"/>
        <source>The applicant was already asked to resubmit as often as allowed; decide the case</source>
        <translation>The applicant was already asked to resubmit as often as allowed; decide the case</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="460"/>
        <source>The case store failed; try again or call the administrator</source>
        <translation>The case store failed; try again or call the administrator</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="468"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="470"/>
        <source>Imported, not verified</source>
        <translation>Imported, not verified</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="472"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="474"/>
        <source>Held</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="476"/>
        <source>Claimed</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="478"/>
        <source>Decided</source>
        <translation>Decided</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="480"/>
        <source>In a batch</source>
        <translation>In a batch</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="482"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="484"/>
        <source>Batch approved</source>
        <translation>Batch approved</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="486"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/views/CaseView.cpp" line="488"/>
        <source>Notified</source>
        <translation>Notified</translation>
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
    <name>mado::ImageComparisonWidget</name>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="25"/>
        <source>Document portrait</source>
        <translation>Document portrait</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="27"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="113"/>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="156"/>
        <source>Selfie (frontal)</source>
        <translation>Selfie (frontal)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="31"/>
        <source>The whole document photo; the card the portrait was taken from is outlined</source>
        <translation>The whole document photo; the card the portrait was taken from is outlined</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="72"/>
        <source>Zoom in both sides (+)</source>
        <translation>Zoom in both sides (+)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="73"/>
        <source>Zoom out both sides (−)</source>
        <translation>Zoom out both sides (−)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="75"/>
        <source>Same face scale, centred (0)</source>
        <translation>Same face scale, centred (0)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="77"/>
        <source>Face box</source>
        <translation>Face box</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="77"/>
        <source>Show the face boxes</source>
        <translation>Show the face boxes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="78"/>
        <source>Landmarks</source>
        <translation>Landmarks</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="78"/>
        <source>Show the 68 landmarks</source>
        <translation>Show the 68 landmarks</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="80"/>
        <source>Pose axes</source>
        <translation>Pose axes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="80"/>
        <source>Show the measured head pose</source>
        <translation>Show the measured head pose</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="102"/>
        <source>Document portrait (card, rectified)</source>
        <translation>Document portrait (card, rectified)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="102"/>
        <source>Document photo</source>
        <translation>Document photo</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="126"/>
        <source>Click to compare this frame with the document</source>
        <translation>Click to compare this frame with the document</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="131"/>
        <source>Asked: %1</source>
        <translation>Asked: %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="134"/>
        <source>yaw %1°, pitch %2°</source>
        <translation>yaw %1°, pitch %2°</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="136"/>
        <source>pose not measured</source>
        <translation>pose not measured</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="139"/>
        <source>Directions are the applicant&apos;s: left is the applicant&apos;s left (positive yaw)</source>
        <translation>Directions are the applicant&apos;s: left is the applicant&apos;s left (positive yaw)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/ImageComparisonWidget.cpp" line="157"/>
        <source>Selfie: frame %1, asked %2</source>
        <translation>Selfie: frame %1, asked %2</translation>
    </message>
</context>
<context>
    <name>mado::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="35"/>
        <source>Madoguchi — staff verification</source>
        <translation>Madoguchi — staff verification</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="38"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="39"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="42"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="43"/>
        <source>&amp;About Madoguchi</source>
        <translation>&amp;About Madoguchi</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="48"/>
        <source>No applications are waiting.</source>
        <translation>No applications are waiting.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="53"/>
        <source>Checking the face models…</source>
        <translation>Checking the face models…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="61"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="79"/>
        <source>Face models: ready (%1)</source>
        <translation>Face models: ready (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="82"/>
        <source>Face models are damaged.</source>
        <translation>Face models are damaged.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="83"/>
        <source>Face models are missing.</source>
        <translation>Face models are missing.</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="84"/>
        <source>%1 Ask IT to run %2. Details: %3</source>
        <translation>%1 Ask IT to run %2. Details: %3</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="90"/>
        <source>About Madoguchi</source>
        <translation>About Madoguchi</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="91"/>
        <source>Madoguchi %1 — staff verification workstation for online ward counters.</source>
        <translation>Madoguchi %1 — staff verification workstation for online ward counters.</translation>
    </message>
</context>
</TS>
