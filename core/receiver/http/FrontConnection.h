#pragma once

#include "core/domain/Result.h"
#include "core/receiver/http/ChunkedBody.h"
#include "core/receiver/http/HttpRequestHead.h"
#include "core/receiver/spool/SpoolWriteResult.h"
#include "core/receiver/line/WebhookEvent.h"

#include <QByteArray>

#include <string>
#include <string_view>
#include <vector>

namespace mado {

class WebhookCheck;
struct WebhookRefusal;

// The HTTP side of one connection of the event-driven front (WebhookFront), without sockets: the
// front appends received bytes to input(), calls advance() and sends what output() holds. Serves
// POST /line/webhook only, with WebhookCheck's checks and answers; requests are answered in order,
// one at a time (a pipelined request waits in input() until the one before is answered). After
// maxRefusalsInARow refused requests in a row (0: no limit) the last refusal closes the connection:
// a peer that only sends what is refused gets no more of the front's time. Not thread-safe: one
// connection, one thread.
class FrontConnection {
public:
    // Which server a connection's next request is for, from its first bytes.
    enum class Route { Undecided, Webhook, Other };
    // What advance() reached:
    // NeedMore: more input is needed; Store: a webhook passed every check and its events
    // (takeEvents()) must be stored, then stored() called; Answered: an answer was added to
    // output() and the connection stays open (call advance() again for a pipelined request);
    // Close: an answer was added and the connection must close once output() is sent; Waiting: a
    // store is under way (stored() not called yet).
    enum class Step { NeedMore, Store, Answered, Close, Waiting };

    explicit FrontConnection(const WebhookCheck &check, int maxRefusalsInARow = 0)
        : m_check(check), m_maxRefusalsInARow(maxRefusalsInARow)
    {
    }

    static Route route(std::string_view firstBytes);

    std::string &input() { return m_input; }
    const std::string &input() const { return m_input; }
    std::string &output() { return m_output; }
    const std::string &output() const { return m_output; }
    Step advance();
    std::vector<WebhookEvent> takeEvents() { return std::move(m_events); }
    // The outcome of the store that advance()'s Store asked for; adds the answer (200 or 503).
    Step stored(const Result<SpoolWriteResult> &result);
    // Refuses the request being received with 503 and closes (the front's memory budget is spent);
    // drops the input and the body read so far. Not while waiting().
    Step overloaded();
    // Bytes this connection holds in memory: input, body being assembled, answers not yet sent.
    std::size_t heldBytes() const;
    // The last answer closes the connection because of maxRefusalsInARow.
    bool refusalLimitReached() const { return m_maxRefusalsInARow > 0 && m_refusalsInARow >= m_maxRefusalsInARow; }
    // The status of the last answer added to output() (for the metrics).
    int lastStatus() const { return m_lastStatus; }
    // Between requests with nothing received: may be closed without losing a request.
    bool idle() const { return m_phase == Phase::Start && m_input.empty(); }
    bool waiting() const { return m_phase == Phase::Storing; }

private:
    enum class Phase { Start, Body, Chunked, Storing };

    Step startRequest();
    Step bodyComplete();
    Step answer(int status, const QByteArray &json, bool close);
    Step refuse(const WebhookRefusal &refusal, bool close);

    const WebhookCheck &m_check;
    std::string m_input;
    std::string m_output;
    Phase m_phase = Phase::Start;
    HttpRequestHead m_head;
    QByteArray m_body;
    qint64 m_expected = 0; // Content-Length of the body being read
    ChunkedBody m_chunked;
    std::vector<WebhookEvent> m_events;
    bool m_keepAlive = true;
    int m_lastStatus = 0;
    int m_maxRefusalsInARow;
    int m_refusalsInARow = 0;
};

} // namespace mado
