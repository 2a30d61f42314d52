#include "model/ServiceEvent.h"

#include <array>
#include <utility>

namespace kv::model {

namespace {

using Type = ServiceEvent::Type;

constexpr std::array kNames {
    std::pair { Type::PeerJoined, u"peer.joined" },
    std::pair { Type::PeerLeft, u"peer.left" },
    std::pair { Type::PeerState, u"peer.state" },
    std::pair { Type::UsageTick, u"usage.tick" },
    std::pair { Type::Audit, u"audit" },
    std::pair { Type::QuotaWarning, u"quota.warning" },
};

} // namespace

QString eventTypeName(ServiceEvent::Type type)
{
    for (const auto& [known, name] : kNames) {
        if (known == type) {
            return QString::fromUtf16(name);
        }
    }
    return {};
}

std::optional<ServiceEvent::Type> eventTypeFromName(QStringView name)
{
    for (const auto& [known, knownName] : kNames) {
        if (name == QStringView(knownName)) {
            return known;
        }
    }
    return std::nullopt;
}

} // namespace kv::model
