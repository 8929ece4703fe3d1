// SPDX-License-Identifier: Apache-2.0
#include "stream/ConnectionError.h"

namespace confab {

bool ConnectionError::isTransient() const
{
    switch (kind) {
    case Kind::HostNotFound:
    case Kind::ConnectionFailed:
    case Kind::ConnectionLost:
    case Kind::Timeout:
        return true;
    case Kind::StreamError:
        // RFC 6120 §4.9.3: these say "not now", not "never".
        return condition == u"system-shutdown" || condition == u"connection-timeout" || condition == u"reset"
            || condition == u"resource-constraint" || condition == u"remote-connection-failed"
            || condition == u"internal-server-error";
    default:
        return false;
    }
}

} // namespace confab
