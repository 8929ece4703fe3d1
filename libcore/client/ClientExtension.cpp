// SPDX-License-Identifier: Apache-2.0
#include "client/ClientExtension.h"

namespace confab {

ClientExtension::ClientExtension(QObject *parent)
    : QObject(parent)
{ }

} // namespace confab
