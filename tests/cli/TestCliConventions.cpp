#include "tests/support/CliRun.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// madoguchi-cli behaves like a conventional tool: --help and --version exit 0 on standard output;
// every command listed by --help answers its own --help; usage errors exit 64 with one line on
// standard error; the generated bash completion is valid bash and completes every command. The
// command list is read from --help, so a new command is covered without editing this test.
class TestCliConventions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpAndVersionExitZero();
    void everyCommandAnswersHelp();
    void usageErrorsExit64OnOneLine_data();
    void usageErrorsExit64OnOneLine();
    void completionIsValidBashAndNamesEveryCommand();
    void completionCompletesOptionsAndActions();

private:
    using Run = mado::test::CliRun;
    static Run run(const QString &program, const QStringList &arguments);
    static Run cli(const QStringList &arguments) { return run(QStringLiteral(MADO_CLI_PATH), arguments); }
    // What bash completes for the words typed so far (the last one is being completed).
    Run complete(const QStringList &words) const;

    QTemporaryDir m_dir;
    QString m_completion;
    QStringList m_commands;
};

mado::test::CliRun TestCliConventions::run(const QString &program, const QStringList &arguments)
{
    // No store, no models: these runs must not depend on the machine's set-up.
    mado::test::CliRunOptions options;
    options.environment.insert(QStringLiteral("MADOGUCHI_STORE"),
                               QStringLiteral("/nonexistent/madoguchi-test/store.sqlite"));
    options.timeoutMs = 60000;
    return mado::test::runCli(program, arguments, options);
}

void TestCliConventions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Run help = cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    // The "Commands:" section: "  NAME  description" lines up to the next blank line.
    const qsizetype start = help.out.indexOf(QStringLiteral("\nCommands:\n"));
    QVERIFY2(start >= 0, qPrintable(help.out));
    const QStringList lines = help.out.mid(start + 11).split(QLatin1Char('\n'));
    static const QRegularExpression entry(QStringLiteral("^  ([a-z][a-z-]*)  +\\S"));
    for (const QString &line : lines) {
        if (line.isEmpty())
            break;
        const QRegularExpressionMatch match = entry.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        m_commands << match.captured(1);
    }
    // The 18 commands madoguchi-cli had before the registry, plus `completion`.
    for (const char *known :
         {"match", "verify", "eval", "bench", "samples", "demo", "models", "info", "init", "user", "audit", "policy",
          "register", "backup", "stats", "retention", "import", "reverify", "completion"})
        QVERIFY2(m_commands.contains(QLatin1String(known)), known);

    const Run completion = cli({QStringLiteral("completion"), QStringLiteral("bash")});
    QCOMPARE(completion.exitCode, 0);
    m_completion = m_dir.filePath(QStringLiteral("madoguchi-cli.bash"));
    QFile file(m_completion);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(completion.out.toUtf8());
}

void TestCliConventions::helpAndVersionExitZero()
{
    for (const QString &option : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const Run help = cli({option});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith(QStringLiteral("Usage: madoguchi-cli COMMAND")));
        QVERIFY(help.out.contains(QStringLiteral("\nExit codes:\n")));
        QVERIFY(help.err.isEmpty());
    }
    const Run version = cli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QStringLiteral("madoguchi-cli %1\n").arg(QStringLiteral(MADO_VERSION)));
    QVERIFY(version.err.isEmpty());
}

void TestCliConventions::everyCommandAnswersHelp()
{
    for (const QString &command : std::as_const(m_commands)) {
        for (const QString &option : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run help = cli({command, option});
            QVERIFY2(help.exitCode == 0, qPrintable(command + QStringLiteral(": ") + help.err));
            QVERIFY2(help.out.startsWith(QStringLiteral("Usage: madoguchi-cli ") + command), qPrintable(help.out));
            QVERIFY2(help.out.contains(QStringLiteral("--help")), qPrintable(command));
            QVERIFY2(help.err.isEmpty(), qPrintable(command + QStringLiteral(": ") + help.err));
        }
    }
}

void TestCliConventions::usageErrorsExit64OnOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("names");
    QTest::addRow("no command") << QStringList{} << QString();
    QTest::addRow("unknown command") << QStringList{QStringLiteral("no-such-command")}
                                     << QStringLiteral("no-such-command");
    QTest::addRow("unknown top-level option")
        << QStringList{QStringLiteral("--no-such-option")} << QStringLiteral("no-such-option");
    QTest::addRow("unknown option of a command")
        << QStringList{QStringLiteral("verify"), QStringLiteral("--no-such-option"), QStringLiteral("dir")}
        << QStringLiteral("no-such-option");
    QTest::addRow("option value missing")
        << QStringList{QStringLiteral("stats"), QStringLiteral("--store")} << QStringLiteral("store");
    QTest::addRow("argument missing") << QStringList{QStringLiteral("match"), QStringLiteral("a.jpg")}
                                      << QStringLiteral("DOCUMENT_IMAGE");
    QTest::addRow("unknown action") << QStringList{QStringLiteral("models"), QStringLiteral("fetch")}
                                    << QStringLiteral("check");
    QTest::addRow("--as missing") << QStringList{QStringLiteral("reverify"), QStringLiteral("--pending")}
                                  << QStringLiteral("--as USER");
    // Checked before the store is looked for (there is none): a usage error, not "no store".
    QTest::addRow("--as missing, register")
        << QStringList{QStringLiteral("register"), QStringLiteral("import"), QStringLiteral("r.csv")}
        << QStringLiteral("needs --as ADMIN");
    QTest::addRow("--as missing, retention") << QStringList{QStringLiteral("retention"), QStringLiteral("days")}
                                             << QStringLiteral("needs --as ADMIN");
    QTest::addRow("--as empty, user")
        << QStringList{QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("bob"), QStringLiteral("--as=")}
        << QStringLiteral("needs --as LOGIN");
    QTest::addRow("unknown shell") << QStringList{QStringLiteral("completion"), QStringLiteral("tcsh")}
                                   << QStringLiteral("bash");
}

void TestCliConventions::usageErrorsExit64OnOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, names);
    const Run usage = cli(arguments);
    QCOMPARE(usage.exitCode, 64);
    QVERIFY(usage.out.isEmpty());
    QVERIFY2(usage.err.endsWith(QLatin1Char('\n')) && usage.err.count(QLatin1Char('\n')) == 1, qPrintable(usage.err));
    QVERIFY2(usage.err.startsWith(QStringLiteral("madoguchi-cli: ")), qPrintable(usage.err));
    QVERIFY2(usage.err.contains(QStringLiteral("--help")), qPrintable(usage.err));
    QVERIFY2(usage.err.contains(names), qPrintable(usage.err));
}

void TestCliConventions::completionIsValidBashAndNamesEveryCommand()
{
#ifdef Q_OS_WIN
    QSKIP("bash completion: not shipped on Windows (docs/install-windows.md), no bash to run it");
#endif
    const Run syntax = run(QStringLiteral("bash"), {QStringLiteral("-n"), m_completion});
    QVERIFY2(syntax.exitCode == 0, qPrintable(syntax.err));
    const Run all = complete({QString()});
    QCOMPARE(all.exitCode, 0);
    const QStringList offered = all.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &command : std::as_const(m_commands))
        QVERIFY2(offered.contains(command), qPrintable(command + QStringLiteral(" not in: ") + all.out));
    QCOMPARE(complete({QStringLiteral("re")}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("register"), QStringLiteral("retention"), QStringLiteral("reverify")}));
}

void TestCliConventions::completionCompletesOptionsAndActions()
{
#ifdef Q_OS_WIN
    QSKIP("bash completion: not shipped on Windows (docs/install-windows.md), no bash to run it");
#endif
    const QStringList importOptions =
        complete({QStringLiteral("import"), QStringLiteral("--")}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const char *option :
         {"--once", "--failures", "--receiver", "--token-file", "--ca-file", "--interval", "--store", "--help"})
        QVERIFY2(importOptions.contains(QLatin1String(option)), option);
    QCOMPARE(complete({QStringLiteral("user"), QString()}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("add"), QStringLiteral("disable"), QStringLiteral("passwd")}));
    // After an option that takes a value: file names.
    QFile marker(m_dir.filePath(QStringLiteral("store-for-completion.sqlite")));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    const Run value =
        complete({QStringLiteral("stats"), QStringLiteral("--store"), m_dir.filePath(QStringLiteral("store-for"))});
    QCOMPARE(value.out.trimmed(), marker.fileName());
}

TestCliConventions::Run TestCliConventions::complete(const QStringList &words) const
{
    // Bash's completion variables as readline sets them, then the generated function.
    QString script = QStringLiteral("source '%1'\nCOMP_WORDS=(madoguchi-cli").arg(m_completion);
    for (const QString &word : words)
        script += QStringLiteral(" '%1'").arg(word);
    script +=
        QStringLiteral(")\nCOMP_CWORD=%1\n_madoguchi_cli\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n").arg(words.size());
    return run(QStringLiteral("bash"), {QStringLiteral("-c"), script});
}

QTEST_GUILESS_MAIN(TestCliConventions)
#include "TestCliConventions.moc"
