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
        auto select = Sqlite::prepare(db, "SELECT reference, json_extract(manifest, '$.applicant.procedure'), "
                                          "received_at, state FROM applications WHERE user_id = ?1 "
                                          "ORDER BY seq DESC LIMIT ?2");
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
                                    {QStringLiteral("state"), Sqlite::text(statement, 3)}});
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
    const std::string header = request.get("Authorization", std::string());
    const std::string prefix = "Bearer ";
    QString token;
    if (header.size() > prefix.size() && Poco::icompare(header.substr(0, prefix.size()), prefix) == 0)
        token = QString::fromStdString(header.substr(prefix.size())).trimmed();
    int retryAfter = 0;
    const auto user = m_services.verifier.verify(token, request.clientAddress().host().toString(), &retryAfter);
    if (!user) {
        ApiError error = ApiError::fromError(user.error());
        error.retryAfterSeconds = retryAfter;
        return error.send(response);
    }
    const auto list = listApplications(m_spool, user.value());
    if (!list)
        return ApiError::fromError(list.error()).send(response);
    JsonResponse::send(response, HTTPResponse::HTTP_OK, QJsonObject{{QStringLiteral("applications"), list.value()}});
}

} // namespace mado
