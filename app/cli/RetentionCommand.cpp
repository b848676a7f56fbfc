#include "app/cli/RetentionCommand.h"

#include "app/cli/CliStore.h"

#include "core/store/WardSettings.h"
#include "core/workflow/Retention.h"

namespace mado::cli {

namespace {

QString date(const QDateTime &time)
{
    return time.toUTC().date().toString(Qt::ISODate);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

void printReport(const Retention::Report &report, CliStreams streams)
{
    streams.out << "retention: images of closed cases are deleted " << report.retentionDays
                << " days after closing (resubmission window " << report.resubmissionDays << " days); now "
                << report.now.toUTC().toString(Qt::ISODate) << Qt::endl;
    const QString verb = report.dryRun ? QStringLiteral("would delete") : QStringLiteral("deleted");
    qint64 total = 0;
    for (const Retention::Item &item : report.items) {
        total += item.imageBytes;
        streams.out << item.reference << "  closed " << date(item.closedAt) << " ("
                    << Retention::closedByName(item.closedBy) << ", due " << date(item.dueAt) << ")  " << verb << ": "
                    << item.images << " images (" << item.imageBytes << " bytes), " << item.faceHashes
                    << " face hashes, per-image data of " << item.verdicts << " verdicts, phone and e-mail" << Qt::endl;
    }
    streams.out << report.items.size() << " cases " << (report.dryRun ? "due" : "purged") << ", " << megabytes(total)
                << " of images" << (report.dryRun ? " (dry run: nothing was changed)" : "") << Qt::endl;
    if (report.dryRun)
        return;
    streams.out << "store file and WAL: " << megabytes(report.fileBytesBefore) << " -> "
                << megabytes(report.fileBytesAfter) << "; " << report.freePagesAfter << " free (zeroed) pages left"
                << Qt::endl;
    if (!report.incrementalVacuum)
        streams.out << "this store predates incremental vacuum: freed pages are zeroed and reused but the file does "
                       "not shrink; run 'madoguchi-cli retention compact --as ADMIN' once"
                    << Qt::endl;
    if (!report.walTruncated)
        streams.out << "another program is reading the store: the WAL is truncated at its next checkpoint" << Qt::endl;
}

// retention days [N] / resubmission-days [N]: shows or sets one ward setting.
int daysSetting(CaseStore &store, const Session &session, const QStringList &arguments, CliStreams streams)
{
    WardSettings settings(store);
    const bool resubmission = arguments.at(1) == QLatin1String("resubmission-days");
    if (arguments.size() == 3) {
        const int days = arguments.at(2).toInt(); // checked by execute()
        const Status set = resubmission ? settings.setResubmissionDays(session.userId(), days)
                                        : settings.setRetentionDays(session.userId(), days);
        if (!set) {
            streams.err << "refused: " << set.error().message << Qt::endl;
            return CliStore::exitCodeFor(set.error());
        }
    }
    auto days = resubmission ? settings.resubmissionDays() : settings.retentionDays();
    if (!days) {
        streams.err << days.error().message << Qt::endl;
        return CliStore::exitCodeFor(days.error());
    }
    streams.out << (resubmission ? WardSettings::kResubmissionDaysKey : WardSettings::kRetentionDaysKey) << " = "
                << days.value() << Qt::endl;
    return kExitOk;
}

} // namespace

RetentionCommand::RetentionCommand()
    : Command(QStringLiteral("retention"), QStringLiteral("Delete closed cases' images when due; retention settings."),
              {QStringLiteral("[--dry-run] --as ADMIN [--store FILE]"),
               QStringLiteral("days [N] --as ADMIN                show or set retention.days"),
               QStringLiteral("resubmission-days [N] --as ADMIN   show or set the resubmission window"),
               QStringLiteral("compact --as ADMIN                 let an older store shrink (full VACUUM)")}),
      m_store(addOption(CliStore::storeOption())), m_as(addOption(CliStore::asOption(QStringLiteral("this admin")))),
      m_dryRun(addOption({QStringLiteral("dry-run"), QStringLiteral("List what is due; change nothing.")}))
{
    addArgument(QStringLiteral("ACTION"), QStringLiteral("days, resubmission-days or compact; none to run retention."),
                QStringLiteral("[ACTION [N]]"));
    setActions({QStringLiteral("days"), QStringLiteral("resubmission-days"), QStringLiteral("compact")});
    setHelpNotes(QStringLiteral("Standard input: the admin's password.\nExit codes: 0 done, 1 refused (login, "
                                "role), 2 a value out of range, 3 no store."));
}

int RetentionCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    // The action word at index 1, like the helpers above expect ("retention" at 0).
    const QStringList arguments = QStringList{name()} + parser.positionalArguments();
    const bool dryRun = parser.isSet(m_dryRun);
    const QString sub = arguments.value(1);
    const bool days = sub == QLatin1String("days") || sub == QLatin1String("resubmission-days");
    const bool known = arguments.size() == 1 || (days && arguments.size() <= 3) ||
                       (sub == QLatin1String("compact") && arguments.size() == 2);
    if (!known)
        return usageError(streams, QStringLiteral("expects no action, days [N], resubmission-days [N] or compact"));
    if (dryRun && arguments.size() > 1)
        return usageError(streams, QStringLiteral("--dry-run goes with retention itself, not with %1").arg(sub));
    if (days && arguments.size() == 3) {
        bool number = false;
        arguments.at(2).toInt(&number);
        if (!number)
            return usageError(streams, QStringLiteral("not a number of days: %1").arg(arguments.at(2)));
    }
    CliStore cli(parser.value(m_store), parser.value(m_as));
    std::optional<Session> session;
    if (const int failed = logIn(cli, QStringLiteral("ADMIN"), session, streams); failed != kExitOk)
        return failed;
    int code = kExitOk;
    if (days) {
        code = daysSetting(cli.store(), *session, arguments, streams);
    } else if (sub == QLatin1String("compact")) {
        auto size = Retention(cli.store()).compact(session->userId());
        if (size)
            streams.out << "store compacted: " << megabytes(size.value()) << Qt::endl;
        else
            streams.err << "compact refused: " << size.error().message << Qt::endl;
        code = size ? kExitOk : CliStore::exitCodeFor(size.error());
    } else {
        auto report = Retention(cli.store()).run(session->userId(), dryRun);
        if (report)
            printReport(report.value(), streams);
        else
            streams.err << "retention refused: " << report.error().message << Qt::endl;
        code = report ? kExitOk : CliStore::exitCodeFor(report.error());
    }
    cli.logout(*session);
    return code;
}

} // namespace mado::cli
