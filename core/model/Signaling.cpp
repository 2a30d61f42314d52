#include "model/Signaling.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace kv::model {

namespace {

using Type = SignalMessage::Type;

struct TypeInfo
{
    Type type;
    const char* name;
    /// The fields a message of this type may hold besides "type" and "ref".
    std::vector<const char*> fields;
};

const std::array<TypeInfo, 7>& types()
{
    static const std::array<TypeInfo, 7> table { {
        { Type::Auth, "auth", { "key" } },
        { Type::Join, "join", { "room", "peer", "resume" } },
        { Type::Offer, "offer", { "to", "sdp" } },
        { Type::Answer, "answer", { "to", "sdp" } },
        { Type::Candidate, "candidate", { "to", "candidate", "sdpMid", "sdpMLineIndex", "usernameFragment" } },
        { Type::IceState, "ice_state", { "state" } },
        { Type::Leave, "leave", {} },
    } };
    return table;
}

const TypeInfo& infoFor(Type type)
{
    for (const TypeInfo& info : types()) {
        if (info.type == type) {
            return info;
        }
    }
    return types().front();
}

QString typeList()
{
    QStringList names;
    for (const TypeInfo& info : types()) {
        names.append(QString::fromLatin1(info.name));
    }
    return names.join(QStringLiteral(", "));
}

/// RTCIceConnectionState, the values a browser reports.
const QStringList& iceStates()
{
    static const QStringList states { QStringLiteral("new"), QStringLiteral("checking"), QStringLiteral("connected"),
        QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("disconnected"),
        QStringLiteral("closed") };
    return states;
}

Error broken(ErrorCode code, const QString& rule, const QString& message, QJsonObject details = {})
{
    details.insert(QStringLiteral("rule"), rule);
    return Error(code, message, details);
}

Error invalid(const QString& rule, const QString& message)
{
    return broken(ErrorCode::InvalidMessage, rule, message);
}

/// A short, printable excerpt of what was sent, for messages.
QString excerpt(QStringView text)
{
    QString shown = text.left(40).toString();
    for (QChar& c : shown) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            c = QChar(0xfffd);
        }
    }
    return text.size() > 40 ? shown + QStringLiteral("…") : shown;
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAlnum(QChar c)
{
    return isDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

bool isHex(QChar c)
{
    return isDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

/// RFC 3261 token: 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").
bool isToken(QStringView text)
{
    static const QString extra = QStringLiteral("-.!%*_+`'~");
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return isAlnum(c) || extra.contains(c); });
}

/// 1*max DIGIT whose value is at most `limit`.
bool isNumber(QStringView text, int maxDigits, quint64 limit)
{
    if (text.isEmpty() || text.size() > maxDigits || !std::all_of(text.begin(), text.end(), isDigit)) {
        return false;
    }
    return text.toULongLong() <= limit;
}

bool isIpv4(QStringView text)
{
    const auto parts = text.split(QLatin1Char('.'));
    return parts.size() == 4 && std::all_of(parts.begin(), parts.end(), [](QStringView part) {
        return isNumber(part, 3, 255) && (part.size() == 1 || part.front() != QLatin1Char('0'));
    });
}

bool isIpv6(QStringView text)
{
    if (text.size() < 2 || text.size() > 45 || !text.contains(QLatin1Char(':'))) {
        return false;
    }
    int groups = 0;
    QStringView body = text;
    // An IPv4 address at the end ("::ffff:192.0.2.1") stands for the last two groups.
    const qsizetype lastColon = text.lastIndexOf(QLatin1Char(':'));
    const QStringView tail = text.mid(lastColon + 1);
    if (tail.contains(QLatin1Char('.'))) {
        if (!isIpv4(tail)) {
            return false;
        }
        groups = 2;
        body = text.left(lastColon + 1);
        if (!body.endsWith(QLatin1StringView("::"))) {
            body.chop(1);
        }
    }
    const qsizetype compressed = body.indexOf(QLatin1StringView("::"));
    if (compressed >= 0 && body.indexOf(QLatin1StringView("::"), compressed + 1) >= 0) {
        return false;
    }
    for (QStringView half : body.split(QStringView(u"::"))) {
        if (half.isEmpty()) {
            continue;
        }
        for (QStringView group : half.split(QLatin1Char(':'))) {
            if (group.isEmpty() || group.size() > 4 || !std::all_of(group.begin(), group.end(), isHex)) {
                return false;
            }
            ++groups;
        }
    }
    return compressed >= 0 ? groups < 8 : groups == 8;
}

/// Host names as browsers hide their addresses behind (mDNS "….local") and other FQDNs.
bool isHostName(QStringView text)
{
    if (text.isEmpty() || text.size() > 253) {
        return false;
    }
    const auto labels = text.split(QLatin1Char('.'));
    const bool labelsOk = std::all_of(labels.begin(), labels.end(), [](QStringView label) {
        return !label.isEmpty() && label.size() <= 63 && label.front() != QLatin1Char('-')
            && label.back() != QLatin1Char('-')
            && std::all_of(label.begin(), label.end(), [](QChar c) { return isAlnum(c) || c == QLatin1Char('-'); });
    });
    // All-numeric names are IPv4 addresses, checked as such.
    return labelsOk && !std::all_of(labels.back().begin(), labels.back().end(), isDigit);
}

bool isConnectionAddress(QStringView text)
{
    return isIpv4(text) || isIpv6(text) || isHostName(text);
}

bool isIceChars(QStringView text)
{
    return !text.isEmpty() && text.size() <= 32 && std::all_of(text.begin(), text.end(), [](QChar c) {
        return isAlnum(c) || c == QLatin1Char('+') || c == QLatin1Char('/');
    });
}

bool isVisible(QStringView text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x21 && c.unicode() <= 0x7e; });
}

Error candidateError(const QString& rule, const QString& message)
{
    return broken(ErrorCode::InvalidCandidate, rule, message);
}

// Fields -------------------------------------------------------------------------------------

Result<QString> requiredString(const QJsonObject& object, const char* type, const char* field)
{
    const QJsonValue value = object.value(QLatin1StringView(field));
    if (!value.isString()) {
        return invalid(QStringLiteral("%1.%2").arg(QLatin1StringView(type), QLatin1StringView(field)),
            QStringLiteral("a %1 message needs \"%2\" as a string")
                .arg(QLatin1StringView(type), QLatin1StringView(field)));
    }
    return value.toString();
}

/// Absent and null are the same: not given.
Result<std::optional<QString>> optionalString(
    const QJsonObject& object, const char* type, const char* field, qsizetype maxLength)
{
    const QJsonValue value = object.value(QLatin1StringView(field));
    if (value.isUndefined() || value.isNull()) {
        return std::optional<QString>();
    }
    const QString rule = QStringLiteral("%1.%2").arg(QLatin1StringView(type), QLatin1StringView(field));
    if (!value.isString()) {
        return invalid(rule,
            QStringLiteral("\"%1\" of a %2 message must be a string or null")
                .arg(QLatin1StringView(field), QLatin1StringView(type)));
    }
    if (value.toString().size() > maxLength) {
        return invalid(rule,
            QStringLiteral("\"%1\" of a %2 message is at most %3 characters long")
                .arg(QLatin1StringView(field), QLatin1StringView(type))
                .arg(maxLength));
    }
    return std::optional<QString>(value.toString());
}

Result<void> checkTo(const QJsonObject& object, const char* type, SignalMessage& message)
{
    auto to = requiredString(object, type, "to");
    if (!to) {
        return to.error();
    }
    if (auto valid = validateSignalId(*to, QStringLiteral("%1.to").arg(QLatin1StringView(type))); !valid) {
        return valid.error();
    }
    message.to = *to;
    return {};
}

Result<void> readSessionDescription(
    const QJsonObject& object, const char* type, const SignalLimits& limits, SignalMessage& message)
{
    if (auto to = checkTo(object, type, message); !to) {
        return to.error();
    }
    auto sdp = requiredString(object, type, "sdp");
    if (!sdp) {
        return sdp.error();
    }
    if (auto valid = validateSdp(*sdp, limits); !valid) {
        return valid.error();
    }
    message.sdp = *sdp;
    return {};
}

Result<void> readCandidate(const QJsonObject& object, const SignalLimits& limits, SignalMessage& message)
{
    if (auto to = checkTo(object, "candidate", message); !to) {
        return to.error();
    }
    auto candidate = requiredString(object, "candidate", "candidate");
    if (!candidate) {
        return candidate.error();
    }
    auto mid = optionalString(object, "candidate", "sdpMid", 64);
    if (!mid) {
        return mid.error();
    }
    auto fragment = optionalString(object, "candidate", "usernameFragment", 256);
    if (!fragment) {
        return fragment.error();
    }
    const QJsonValue index = object.value(QStringLiteral("sdpMLineIndex"));
    if (!index.isUndefined() && !index.isNull()) {
        const double number = index.isDouble() ? index.toDouble() : -1;
        if (number < 0 || number > 65535 || number != static_cast<double>(static_cast<int>(number))) {
            return invalid(QStringLiteral("candidate.sdpMLineIndex"),
                QStringLiteral("\"sdpMLineIndex\" must be a whole number from 0 to 65535, or null"));
        }
        message.sdpMLineIndex = static_cast<int>(number);
    }
    // An empty candidate is the end-of-candidates mark; it needs no media line.
    if (!candidate->isEmpty()) {
        if (!*mid && !message.sdpMLineIndex) {
            return invalid(QStringLiteral("candidate.mid"),
                QStringLiteral("a candidate needs \"sdpMid\" or \"sdpMLineIndex\" to name its media line"));
        }
        if (auto valid = validateCandidate(*candidate, limits); !valid) {
            return valid.error();
        }
    }
    message.candidate = *candidate;
    message.sdpMid = *mid;
    message.usernameFragment = *fragment;
    return {};
}

Result<SignalMessage> parseFields(const QJsonObject& object, const SignalLimits& limits)
{
    SignalMessage message;
    const QJsonValue typeValue = object.value(QStringLiteral("type"));
    if (!typeValue.isString()) {
        return invalid(QStringLiteral("message.type"),
            QStringLiteral("every message needs a \"type\" string, one of: %1").arg(typeList()));
    }
    const QString typeName = typeValue.toString();
    const TypeInfo* info = nullptr;
    for (const TypeInfo& each : types()) {
        if (typeName == QLatin1StringView(each.name)) {
            info = &each;
        }
    }
    if (!info) {
        return invalid(QStringLiteral("message.type"),
            QStringLiteral("unknown message type \"%1\"; the types are: %2").arg(excerpt(typeName), typeList()));
    }
    message.type = info->type;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString& field = it.key();
        const bool known = field == QLatin1StringView("type") || field == QLatin1StringView("ref")
            || std::any_of(info->fields.begin(), info->fields.end(),
                [&field](const char* name) { return field == QLatin1StringView(name); });
        if (!known) {
            QStringList allowed { QStringLiteral("type"), QStringLiteral("ref") };
            for (const char* name : info->fields) {
                allowed.append(QString::fromLatin1(name));
            }
            return invalid(QStringLiteral("message.fields"),
                QStringLiteral("a %1 message has no field \"%2\"; its fields are: %3")
                    .arg(typeName, excerpt(field), allowed.join(QStringLiteral(", "))));
        }
    }

    switch (info->type) {
    case Type::Auth: {
        auto key = requiredString(object, "auth", "key");
        if (!key) {
            return key.error();
        }
        if (key->isEmpty() || key->size() > 256) {
            return invalid(QStringLiteral("auth.key"), QStringLiteral("\"key\" must be an API key (kvd_…)"));
        }
        message.key = *key;
        break;
    }
    case Type::Join: {
        auto room = requiredString(object, "join", "room");
        if (!room) {
            return room.error();
        }
        if (auto valid = validateSignalId(*room, QStringLiteral("join.room")); !valid) {
            return valid.error();
        }
        message.room = *room;
        auto peer = optionalString(object, "join", "peer", 64);
        if (!peer) {
            return peer.error();
        }
        if (*peer) {
            if (auto valid = validateSignalId(**peer, QStringLiteral("join.peer")); !valid) {
                return valid.error();
            }
            message.peer = **peer;
        }
        auto resume = optionalString(object, "join", "resume", 128);
        if (!resume) {
            return resume.error();
        }
        if (*resume) {
            const QString& token = **resume;
            const bool plain = !token.isEmpty() && std::all_of(token.begin(), token.end(), [](QChar c) {
                return isAlnum(c) || c == QLatin1Char('-') || c == QLatin1Char('_');
            });
            if (!plain) {
                return invalid(QStringLiteral("join.resume"),
                    QStringLiteral("\"resume\" must be the resumeToken a joined message gave"));
            }
            message.resume = token;
        }
        break;
    }
    case Type::Offer:
    case Type::Answer:
        if (auto read = readSessionDescription(object, info->name, limits, message); !read) {
            return read.error();
        }
        break;
    case Type::Candidate:
        if (auto read = readCandidate(object, limits, message); !read) {
            return read.error();
        }
        break;
    case Type::IceState: {
        auto state = requiredString(object, "ice_state", "state");
        if (!state) {
            return state.error();
        }
        if (!iceStates().contains(*state)) {
            return invalid(QStringLiteral("ice_state.state"),
                QStringLiteral("\"%1\" is not an ICE connection state; one of: %2")
                    .arg(excerpt(*state), iceStates().join(QStringLiteral(", "))));
        }
        message.iceState = *state;
        break;
    }
    case Type::Leave:
        break;
    }
    return message;
}

} // namespace

QString signalTypeName(SignalMessage::Type type)
{
    return QString::fromLatin1(infoFor(type).name);
}

Result<SignalMessage> parseSignalMessage(QByteArrayView text, const SignalLimits& limits)
{
    if (text.size() > limits.maxMessageBytes) {
        return broken(ErrorCode::MessageTooLarge, QStringLiteral("message.size"),
            QStringLiteral("the message of %1 bytes exceeds the limit of %2 bytes")
                .arg(text.size())
                .arg(limits.maxMessageBytes),
            QJsonObject {
                { QStringLiteral("bytes"), text.size() }, { QStringLiteral("limit"), limits.maxMessageBytes } });
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalid(QStringLiteral("message.json"),
            QStringLiteral("the message is not valid JSON: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return invalid(QStringLiteral("message.json"), QStringLiteral("a message is a JSON object"));
    }
    const QJsonObject object = document.object();
    QString ref;
    if (object.contains(QStringLiteral("ref"))) {
        const QJsonValue value = object.value(QStringLiteral("ref"));
        if (!value.isString() || value.toString().isEmpty() || value.toString().size() > 64) {
            return invalid(
                QStringLiteral("message.ref"), QStringLiteral("\"ref\" must be a string of 1 to 64 characters"));
        }
        ref = value.toString();
    }
    auto message = parseFields(object, limits);
    if (!message) {
        if (ref.isEmpty()) {
            return message.error();
        }
        // The client learns which of its messages was refused.
        QJsonObject details = message.error().details();
        details.insert(QStringLiteral("ref"), ref);
        return Error(message.error().code(), message.error().message(), details);
    }
    message->ref = ref;
    return message;
}

Result<void> validateSignalId(const QString& id, const QString& rule)
{
    const bool valid
        = !id.isEmpty() && id.size() <= 64 && isAlnum(id.front()) && std::all_of(id.begin(), id.end(), [](QChar c) {
              return isAlnum(c) || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('-');
          });
    if (!valid) {
        return invalid(rule,
            QStringLiteral("\"%1\" is not a valid id: 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit")
                .arg(excerpt(id)));
    }
    return {};
}

Result<void> validateSdp(const QString& sdp, const SignalLimits& limits)
{
    const qsizetype bytes = sdp.toUtf8().size();
    if (bytes > limits.maxSdpBytes) {
        return broken(ErrorCode::MessageTooLarge, QStringLiteral("sdp.size"),
            QStringLiteral("the SDP of %1 bytes exceeds the limit of %2 bytes").arg(bytes).arg(limits.maxSdpBytes),
            QJsonObject { { QStringLiteral("bytes"), bytes }, { QStringLiteral("limit"), limits.maxSdpBytes } });
    }
    const auto lines = QStringView(sdp).split(QLatin1Char('\n'));
    int mediaLines = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringView line = lines[i];
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        const qsizetype number = i + 1;
        // The text after the last line ending.
        if (i == lines.size() - 1 && line.isEmpty() && i > 0) {
            break;
        }
        if (i == 0 && line != QLatin1StringView("v=0")) {
            return broken(ErrorCode::InvalidSdp, QStringLiteral("sdp.version"),
                QStringLiteral("an SDP starts with the line v=0, not \"%1\"").arg(excerpt(line)));
        }
        const bool control = std::any_of(line.begin(), line.end(),
            [](QChar c) { return (c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f; });
        if (control) {
            return broken(ErrorCode::InvalidSdp, QStringLiteral("sdp.lines"),
                QStringLiteral("line %1 of the SDP holds a control character (a bare CR?); lines end with CRLF or LF")
                    .arg(number),
                QJsonObject { { QStringLiteral("line"), number } });
        }
        const bool shaped = line.size() >= 2 && line[0] >= QLatin1Char('a') && line[0] <= QLatin1Char('z')
            && line[1] == QLatin1Char('=');
        if (!shaped) {
            return broken(ErrorCode::InvalidSdp, QStringLiteral("sdp.lines"),
                QStringLiteral("line %1 of the SDP is not <letter>=<value>: \"%2\"").arg(number).arg(excerpt(line)),
                QJsonObject { { QStringLiteral("line"), number } });
        }
        if (line.startsWith(QLatin1StringView("m="))) {
            ++mediaLines;
        }
    }
    if (mediaLines == 0) {
        return broken(ErrorCode::InvalidSdp, QStringLiteral("sdp.media"),
            QStringLiteral("the SDP has no m= line; a session needs at least one media or data section"));
    }
    return {};
}

Result<void> validateCandidate(const QString& candidate, const SignalLimits& limits)
{
    const qsizetype bytes = candidate.toUtf8().size();
    if (bytes > limits.maxCandidateBytes) {
        return broken(ErrorCode::MessageTooLarge, QStringLiteral("candidate.size"),
            QStringLiteral("the candidate of %1 bytes exceeds the limit of %2 bytes")
                .arg(bytes)
                .arg(limits.maxCandidateBytes),
            QJsonObject { { QStringLiteral("bytes"), bytes }, { QStringLiteral("limit"), limits.maxCandidateBytes } });
    }
    if (candidate.startsWith(QLatin1StringView("a=candidate:"))) {
        return candidateError(QStringLiteral("candidate.prefix"),
            QStringLiteral("send the candidate as RTCIceCandidate.candidate has it, \"candidate:…\" without \"a=\""));
    }
    if (!candidate.startsWith(QLatin1StringView("candidate:"))) {
        return candidateError(QStringLiteral("candidate.prefix"),
            QStringLiteral("a candidate starts with \"candidate:\" (RFC 8839), not \"%1\"").arg(excerpt(candidate)));
    }
    const auto fields = QStringView(candidate).mid(10).split(QLatin1Char(' '));
    if (std::any_of(fields.begin(), fields.end(), [](QStringView field) { return field.isEmpty(); })) {
        return candidateError(QStringLiteral("candidate.syntax"),
            QStringLiteral("the fields of a candidate are separated by single spaces"));
    }
    if (fields.size() < 8) {
        return candidateError(QStringLiteral("candidate.syntax"),
            QStringLiteral("a candidate has at least 8 fields: foundation component transport priority address port "
                           "typ type; this one has %1")
                .arg(fields.size()));
    }
    if (!isIceChars(fields[0])) {
        return candidateError(QStringLiteral("candidate.foundation"),
            QStringLiteral("the foundation \"%1\" is not 1 to 32 of A-Z a-z 0-9 + /").arg(excerpt(fields[0])));
    }
    if (!isNumber(fields[1], 3, 256) || fields[1].toUInt() == 0) {
        return candidateError(QStringLiteral("candidate.component"),
            QStringLiteral("the component id \"%1\" is not a number from 1 to 256").arg(excerpt(fields[1])));
    }
    if (!isToken(fields[2])) {
        return candidateError(QStringLiteral("candidate.transport"),
            QStringLiteral("the transport \"%1\" is not a token such as UDP or TCP").arg(excerpt(fields[2])));
    }
    if (!isNumber(fields[3], 10, std::numeric_limits<quint32>::max())) {
        return candidateError(QStringLiteral("candidate.priority"),
            QStringLiteral("the priority \"%1\" is not a number from 0 to 4294967295").arg(excerpt(fields[3])));
    }
    if (!isConnectionAddress(fields[4])) {
        return candidateError(QStringLiteral("candidate.address"),
            QStringLiteral("the address \"%1\" is not an IPv4 or IPv6 address or a host name").arg(excerpt(fields[4])));
    }
    if (!isNumber(fields[5], 5, 65535)) {
        return candidateError(QStringLiteral("candidate.port"),
            QStringLiteral("the port \"%1\" is not a number from 0 to 65535").arg(excerpt(fields[5])));
    }
    if (fields[6] != QLatin1StringView("typ") || !isToken(fields[7])) {
        return candidateError(QStringLiteral("candidate.type"),
            QStringLiteral("the port is followed by \"typ\" and a candidate type (host, srflx, prflx, relay)"));
    }
    qsizetype at = 8;
    if (at < fields.size() && fields[at] == QLatin1StringView("raddr")) {
        if (at + 1 >= fields.size() || !isConnectionAddress(fields[at + 1])) {
            return candidateError(
                QStringLiteral("candidate.raddr"), QStringLiteral("\"raddr\" is followed by the related address"));
        }
        at += 2;
    }
    if (at < fields.size() && fields[at] == QLatin1StringView("rport")) {
        if (at + 1 >= fields.size() || !isNumber(fields[at + 1], 5, 65535)) {
            return candidateError(QStringLiteral("candidate.rport"),
                QStringLiteral("\"rport\" is followed by the related port, a number from 0 to 65535"));
        }
        at += 2;
    }
    for (; at < fields.size(); at += 2) {
        if (!isToken(fields[at]) || at + 1 >= fields.size() || !isVisible(fields[at + 1])) {
            return candidateError(QStringLiteral("candidate.extension"),
                QStringLiteral("after the type come name-value pairs (e.g. \"generation 0\"); \"%1\" has no value or "
                               "is not a token")
                    .arg(excerpt(fields[at])));
        }
    }
    return {};
}

} // namespace kv::model
