<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
