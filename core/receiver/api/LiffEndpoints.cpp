#include "core/receiver/api/LiffEndpoints.h"

#include "core/receiver/api/ApiError.h"
#include "core/receiver/api/ApplicantApi.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"
#include "core/receiver/api/ProcedureCatalogue.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>

#include <QJsonArray>
#include <QJsonObject>

#include <sqlite3.h>

namespace mado {

namespace {

using Poco::Net::HTTPResponse;

void dropUnreadBody(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    if (request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0))
        response.setKeepAlive(false);
}

Result<QJsonArray> listApplications(Spool &spool, const QString &userId)
{
    return spool.locked([&](sqlite3 *db) -> Result<QJsonArray> {
        // An application waiting for its applicant's JPKI signature shows as awaiting_signature.
        auto select = Sqlite::prepare(
            db, "SELECT reference, json_extract(manifest, '$.applicant.procedure'), received_at, "
                "CASE WHEN state = 'received' AND id IN (SELECT application_id FROM application_signatures "
                "WHERE signed_at IS NULL) THEN 'awaiting_signature' ELSE state END, id "
                "FROM applications WHERE user_id = ?1 ORDER BY seq DESC LIMIT ?2");
        if (!select)
            return select.error();
        sqlite3_stmt *statement = select.value().get();
        const QByteArray user = userId.toUtf8();
        Sqlite::bindText(statement, 1, user);
        sqlite3_bind_int(statement, 2, ApplicationStatusHandler::kMaxListed);
        QJsonArray list;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            list.append(QJsonObject{{QStringLiteral("reference"), Sqlite::text(statement, 0)},
                                    {QStringLiteral("procedure"), Sqlite::text(statement, 1)},
                                    {QStringLiteral("receivedAt"), Sqlite::text(statement, 2)},
                                    {QStringLiteral("state"), Sqlite::text(statement, 3)},
                                    {QStringLiteral("applicationId"), Sqlite::text(statement, 4)}});
        if (rc != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot list applications"));
        return list;
    });
}

} // namespace

void LiffSettingsHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    dropUnreadBody(request, response);
    const ReceiverOptions &options = m_services.options;
    JsonResponse::send(response, HTTPResponse::HTTP_OK,
                       QJsonObject{{QStringLiteral("liffId"), options.liff.liffId},
                                   {QStringLiteral("mock"), options.liff.mock},
                                   {QStringLiteral("challengeLifetimeSeconds"), options.challengeLifetimeSeconds},
                                   {QStringLiteral("maxImageBytes"), double(options.imageLimits.maxBytes)},
                                   {QStringLiteral("procedures"), ProcedureCatalogue::describe(options.liff)}});
}

void ApplicationStatusHandler::handleRequest(Poco::Net::HTTPServerRequest &request,
                                             Poco::Net::HTTPServerResponse &response)
{
    dropUnreadBody(request, response);
    const auto user = authenticateApplicant(m_services, request);
    if (const auto *error = std::get_if<ApiError>(&user))
        return error->send(response);
    const auto list = listApplications(m_spool, std::get<QString>(user));
    if (!list)
        return ApiError::fromError(list.error()).send(response);
    JsonResponse::send(response, HTTPResponse::HTTP_OK, QJsonObject{{QStringLiteral("applications"), list.value()}});
}

} // namespace mado
