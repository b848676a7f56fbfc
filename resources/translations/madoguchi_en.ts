<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
