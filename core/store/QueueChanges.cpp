#include "core/store/QueueChanges.h"

#include "core/store/QueueChangeListener.h"

namespace mado {

QueueChanges::QueueChanges(const StoreAddress &address, Options options, QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("mado-queue-changes"));
    m_listener = new QueueChangeListener(address, options);
    m_listener->moveToThread(&m_thread);
    connect(m_listener, &QueueChangeListener::changed, this, &QueueChanges::changed);
    connect(m_listener, &QueueChangeListener::watching, this, &QueueChanges::watching);
    connect(m_listener, &QueueChangeListener::lost, this, &QueueChanges::lost);
    m_thread.start();
    QMetaObject::invokeMethod(m_listener, &QueueChangeListener::start, Qt::QueuedConnection);
}

QueueChanges::~QueueChanges()
{
    // The connection is closed in its own thread, then the thread ends and the listener goes.
    QMetaObject::invokeMethod(m_listener, &QueueChangeListener::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_listener;
}

} // namespace mado
