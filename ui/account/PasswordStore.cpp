// SPDX-License-Identifier: Apache-2.0
#include "account/PasswordStore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <qt6keychain/keychain.h>

#include <type_traits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeychain, "confab.keychain")

namespace confab::ui {

namespace {

PasswordStore::Result resultOf(const QKeychain::Job *job, const QString &password)
{
    PasswordStore::Result result;
    switch (job->error()) {
    case QKeychain::NoError:
        result.status = PasswordStore::Result::Status::Found;
        result.password = password;
        break;
    case QKeychain::EntryNotFound:
        result.status = PasswordStore::Result::Status::NotFound;
        break;
    default:
        result.status = PasswordStore::Result::Status::Unavailable;
        result.error = job->errorString();
        // The error text names the backend's problem, never the secret.
        qCInfo(lcKeychain) << "keychain unavailable:" << job->error() << job->errorString();
        break;
    }
    return result;
}

template <typename JobType> void run(JobType *job, QObject *context, PasswordStore::Callback done)
{
    // No parent: a job must outlive whoever asked, because QtKeychain's backends (libsecret) call back into
    // it when they answer, and a job deleted before that would be used after being freed.
    job->setAutoDelete(true);
    // Never QtKeychain's "insecure fallback" (a plain settings file): DESIGN.md, passwords live in the keychain.
    job->setInsecureFallback(false);
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, guard, done = std::move(done)] {
        if (!guard) {
            return;
        }
        QString password;
        if constexpr (std::is_same_v<JobType, QKeychain::ReadPasswordJob>) {
            password = job->textData();
        }
        done(resultOf(job, password));
    });
    job->start();
}

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{ }

QString PasswordStore::serviceName()
{
    return u"Confab"_s;
}

void PasswordStore::read(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(key);
    run(job, context, std::move(done));
}

void PasswordStore::write(const QString &key, const QString &password, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(key);
    job->setTextData(password);
    run(job, context, std::move(done));
}

void PasswordStore::remove(const QString &key, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(key);
    run(job, context, std::move(done));
}

} // namespace confab::ui
