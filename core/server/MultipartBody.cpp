#include "server/MultipartBody.h"

#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <utility>

namespace kv::server {

namespace {

constexpr QByteArrayView kCrlf("\r\n");
constexpr qsizetype kMaxBoundary = 70;

Error malformed(const char* reason, const QString& message)
{
    return Error(
        ErrorCode::BadRequest, message, QJsonObject { { QStringLiteral("reason"), QString::fromLatin1(reason) } });
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool isTokenChar(char c)
{
    // RFC 9110 tchar.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isBoundaryChar(char c)
{
    // RFC 2046 bchars.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return QByteArrayView("'()+_,-./:=? ").contains(c);
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isSpace(text.front())) {
        text = text.sliced(1);
    }
    while (!text.isEmpty() && isSpace(text.back())) {
        text.chop(1);
    }
    return text;
}

/// A header value of the form `type; name=value; name="quoted value"`.
struct HeaderValue
{
    QByteArray type; // lower case
    QList<std::pair<QByteArray, QByteArray>> parameters; // names lower case, values unquoted
    [[nodiscard]] std::optional<QByteArray> parameter(QByteArrayView name) const
    {
        for (const auto& [key, value] : parameters) {
            if (key == name) {
                return value;
            }
        }
        return std::nullopt;
    }
};

std::optional<HeaderValue> parseHeaderValue(QByteArrayView text)
{
    HeaderValue result;
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size && text[i] != ';') {
        ++i;
    }
    result.type = trimmed(text.first(i)).toByteArray().toLower();
    while (i < size) {
        ++i; // the ';'
        while (i < size && isSpace(text[i])) {
            ++i;
        }
        if (i == size) {
            break; // a trailing ';' is harmless
        }
        const qsizetype nameStart = i;
        while (i < size && isTokenChar(text[i])) {
            ++i;
        }
        const QByteArray name = text.sliced(nameStart, i - nameStart).toByteArray().toLower();
        while (i < size && isSpace(text[i])) {
            ++i;
        }
        if (name.isEmpty() || i == size || text[i] != '=') {
            return std::nullopt;
        }
        ++i;
        while (i < size && isSpace(text[i])) {
            ++i;
        }
        QByteArray value;
        if (i < size && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < size) {
                const char c = text[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && i < size) {
                    value.append(text[i++]);
                } else {
                    value.append(c);
                }
            }
            if (!closed) {
                return std::nullopt;
            }
        } else {
            const qsizetype valueStart = i;
            while (i < size && text[i] != ';' && !isSpace(text[i])) {
                ++i;
            }
            value = text.sliced(valueStart, i - valueStart).toByteArray();
        }
        while (i < size && isSpace(text[i])) {
            ++i;
        }
        if (i < size && text[i] != ';') {
            return std::nullopt;
        }
        result.parameters.append({ name, value });
    }
    return result;
}

QByteArray mediaType(QByteArrayView contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return trimmed(semicolon < 0 ? contentType : contentType.first(semicolon)).toByteArray().toLower();
}

Error missingClose(QByteArrayView boundary)
{
    return malformed("missing_closing_boundary",
        QStringLiteral("the body ends without its closing --%1-- line").arg(QString::fromLatin1(boundary)));
}

/// Where a delimiter line was found: `start` is where the part before it ends (its CRLF is not
/// part of the content), `next` is the first byte after the line.
struct Delimiter
{
    qsizetype start = 0;
    qsizetype next = 0;
    bool close = false;
};

/// Checks that what follows "--boundary" at `at` makes it a delimiter line (transport padding,
/// then CRLF) or the close delimiter ("--", padding, then CRLF or the end of the body).
std::optional<Delimiter> delimiterAt(QByteArrayView body, qsizetype at, qsizetype start)
{
    Delimiter delimiter { start, at, false };
    if (body.sliced(at).startsWith("--")) {
        delimiter.close = true;
        at += 2;
    }
    while (at < body.size() && isSpace(body[at])) {
        ++at;
    }
    if (body.sliced(at).startsWith(kCrlf)) {
        delimiter.next = at + 2;
        return delimiter;
    }
    if (delimiter.close && at == body.size()) {
        delimiter.next = at;
        return delimiter;
    }
    return std::nullopt;
}

/// The next delimiter at or after `from`: "--boundary" at the very start of the body, else
/// "\r\n--boundary"; an occurrence followed by anything but a line end is content.
std::optional<Delimiter> findDelimiter(QByteArrayView body, QByteArrayView dashBoundary, qsizetype from)
{
    if (from == 0 && body.startsWith(dashBoundary)) {
        if (auto found = delimiterAt(body, dashBoundary.size(), 0)) {
            return found;
        }
    }
    const QByteArray needle = kCrlf.toByteArray() + dashBoundary.toByteArray();
    for (qsizetype at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, at + 1)) {
        if (auto found = delimiterAt(body, at + needle.size(), at)) {
            return found;
        }
    }
    return std::nullopt;
}

/// Reads a part's header block: lines that each end with CRLF, without the empty line after them.
Result<MultipartPart> parsePartHeaders(QByteArrayView block)
{
    // Folding (obs-fold) is checked first: a folded line changes what the line before means.
    if (block.contains("\r\n ") || block.contains("\r\n\t") || (!block.isEmpty() && isSpace(block.front()))) {
        return malformed("folded_part_header", QStringLiteral("a part header is folded over lines"));
    }
    MultipartPart part;
    bool disposition = false;
    for (qsizetype at = 0; at < block.size();) {
        const qsizetype end = block.indexOf(kCrlf, at);
        const QByteArrayView line = block.sliced(at, end - at);
        at = end + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return malformed("bad_part_header", QStringLiteral("a part header line has no \"name: value\" form"));
        }
        const QByteArrayView name = line.first(colon);
        if (!std::all_of(name.begin(), name.end(), isTokenChar)) {
            return malformed("bad_part_header", QStringLiteral("a part header name holds a forbidden character"));
        }
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (name.compare("Content-Disposition", Qt::CaseInsensitive) == 0) {
            const auto parsed = parseHeaderValue(value);
            if (!parsed || parsed->type != "form-data") {
                return malformed("bad_content_disposition",
                    QStringLiteral("each part needs Content-Disposition: form-data; name=\"...\""));
            }
            const auto partName = parsed->parameter("name");
            if (!partName || partName->isEmpty()) {
                return malformed(
                    "missing_part_name", QStringLiteral("a part's Content-Disposition has no name=\"...\" parameter"));
            }
            part.name = *partName;
            part.filename = parsed->parameter("filename");
            disposition = true;
        } else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0) {
            part.contentType = value.toByteArray();
        } else if (name.compare("Content-Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            const QByteArray encoding = value.toByteArray().toLower();
            if (encoding != "binary" && encoding != "8bit" && encoding != "7bit") {
                return malformed("unsupported_transfer_encoding",
                    QStringLiteral("Content-Transfer-Encoding %1 is not supported; send the part's bytes as they "
                                   "are (binary)")
                        .arg(QString::fromLatin1(encoding.left(40))));
            }
        }
    }
    if (!disposition) {
        return malformed("missing_content_disposition",
            QStringLiteral("each part needs Content-Disposition: form-data; name=\"...\""));
    }
    return part;
}

} // namespace

bool isMultipartFormData(QByteArrayView contentType)
{
    return mediaType(contentType) == "multipart/form-data";
}

bool isMultipart(QByteArrayView contentType)
{
    return mediaType(contentType).startsWith("multipart/");
}

Result<QByteArray> multipartBoundary(QByteArrayView contentType)
{
    const auto parsed = parseHeaderValue(contentType);
    if (!parsed) {
        return malformed("bad_content_type",
            QStringLiteral("the Content-Type header's parameters cannot be read (an unclosed quote?)"));
    }
    const auto boundary = parsed->parameter("boundary");
    if (!boundary || boundary->isEmpty()) {
        return malformed("missing_boundary",
            QStringLiteral("a multipart Content-Type needs a boundary, e.g. multipart/form-data; boundary=xyz"));
    }
    if (boundary->size() > kMaxBoundary || boundary->endsWith(' ')
        || !std::all_of(boundary->cbegin(), boundary->cend(), isBoundaryChar)) {
        return malformed("bad_boundary",
            QStringLiteral("the multipart boundary must be 1 to 70 letters, digits or '()+_,-./:=? (no trailing "
                           "space)"));
    }
    return *boundary;
}

Result<QList<MultipartPart>> parseMultipart(QByteArrayView body, QByteArrayView boundary, const MultipartLimits& limits)
{
    const QByteArray dashBoundary = "--" + boundary.toByteArray();
    auto delimiter = findDelimiter(body, dashBoundary, 0);
    if (!delimiter) {
        return malformed("missing_boundary_line",
            QStringLiteral("the body holds no --%1 line; is the boundary in Content-Type the one the body uses?")
                .arg(QString::fromLatin1(boundary.first(std::min(boundary.size(), kMaxBoundary)))));
    }
    QList<MultipartPart> parts;
    while (!delimiter->close) {
        if (parts.size() == limits.maxParts) {
            return malformed("too_many_parts", QStringLiteral("a form may hold at most %1 parts").arg(limits.maxParts));
        }
        // The header block is the lines up to the first empty one; look for it only within
        // maxHeaderBytes, so a part without one fails fast however large the body.
        const qsizetype at = delimiter->next;
        if (at == body.size()) {
            return missingClose(boundary);
        }
        qsizetype headerEnd = 0; // the first byte of the part's content
        QByteArrayView block;
        if (!body.sliced(at).startsWith(kCrlf)) {
            const QByteArrayView window = body.sliced(at, std::min(body.size() - at, limits.maxHeaderBytes + 4));
            const qsizetype blank = window.indexOf("\r\n\r\n");
            if (blank < 0) {
                return window.size() < body.size() - at
                    ? malformed("part_headers_too_large",
                        QStringLiteral("a part's headers exceed %1 bytes").arg(limits.maxHeaderBytes))
                    : malformed("unterminated_part_headers",
                        QStringLiteral("a part's headers do not end with an empty line (CRLF CRLF)"));
            }
            block = window.first(blank + 2);
            headerEnd = at + blank + 4;
        } else {
            headerEnd = at + 2;
        }
        auto part = parsePartHeaders(block);
        if (!part) {
            return part.error();
        }
        const auto next = findDelimiter(body, dashBoundary, headerEnd);
        if (!next) {
            return missingClose(boundary);
        }
        part->body = body.sliced(headerEnd, next->start - headerEnd);
        parts.append(std::move(part.value()));
        delimiter = next;
    }
    return parts;
}

Result<ValueUpload> parseValueUpload(QByteArrayView contentType, QByteArrayView body)
{
    if (!isMultipartFormData(contentType)) {
        return malformed("not_form_data", QStringLiteral("a multipart upload must be multipart/form-data"));
    }
    auto boundary = multipartBoundary(contentType);
    if (!boundary) {
        return boundary.error();
    }
    auto parts = parseMultipart(body, *boundary);
    if (!parts) {
        return parts.error();
    }
    std::optional<QByteArrayView> value;
    ValueUpload upload;
    for (const MultipartPart& part : *parts) {
        std::optional<QByteArrayView>* slot = nullptr;
        if (part.name == "value") {
            slot = &value;
        } else if (part.name == "metadata") {
            slot = &upload.metadata;
        } else {
            return malformed("unexpected_part",
                QStringLiteral("unexpected form part \"%1\"; the parts are \"value\" and \"metadata\"")
                    .arg(QString::fromUtf8(part.name.left(40))));
        }
        if (*slot) {
            return malformed("repeated_part",
                QStringLiteral("the form part \"%1\" appears more than once").arg(QString::fromLatin1(part.name)));
        }
        *slot = part.body;
    }
    if (!value) {
        return Error(ErrorCode::InvalidValue,
            QStringLiteral("the multipart form has no part named \"value\"; send the value's bytes in a part with "
                           "Content-Disposition: form-data; name=\"value\""),
            QJsonObject { { QStringLiteral("reason"), QStringLiteral("missing_value_part") } });
    }
    upload.value = *value;
    return upload;
}

} // namespace kv::server
