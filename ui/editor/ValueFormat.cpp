#include "ui/editor/ValueFormat.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace kv::ui {

namespace {

bool isJsonSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

QByteArrayView trimmedStart(QByteArrayView bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes = bytes.sliced(3);
    }
    qsizetype i = 0;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
        ++i;
    }
    return bytes.sliced(i);
}

} // namespace

JsonCheck lineColumnAt(const QByteArray& utf8, qsizetype offset)
{
    const qsizetype position = std::clamp<qsizetype>(offset - 1, 0, utf8.size());
    const QByteArrayView before(utf8.constData(), position);
    JsonCheck where;
    where.ok = false;
    where.line = static_cast<int>(before.count('\n')) + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    where.column = static_cast<int>(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
    return where;
}

JsonCheck checkJson(const QByteArray& utf8)
{
    QJsonParseError error {};
    QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError) {
        return {};
    }
    // Qt 6.4 takes only an object or an array as a document; RFC 8259 also allows a scalar.
    // Inside brackets a scalar parses, and its errors land one byte later.
    const QByteArrayView start = trimmedStart(utf8);
    if (!start.isEmpty() && start.front() != '{' && start.front() != '[') {
        QJsonParseError wrappedError {};
        QJsonDocument::fromJson('[' + utf8 + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError) {
            return {};
        }
        error = wrappedError;
        error.offset = std::max(0, error.offset - 1);
    }
    // Qt's offset lies just past the character it stumbled on, except for these two, where it
    // points at it: line and column name the character itself.
    const bool atCharacter
        = error.error == QJsonParseError::IllegalNumber || error.error == QJsonParseError::GarbageAtEnd;
    JsonCheck check = lineColumnAt(utf8, atCharacter ? error.offset + 1 : error.offset);
    check.error = error.errorString();
    return check;
}

QString prettyJson(QStringView json)
{
    constexpr int kIndent = 2;
    QString out;
    out.reserve(json.size() + json.size() / 4);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&] {
        out += u'\n';
        out += QString(depth * kIndent, u' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json[i];
        if (inString) {
            out += c;
            if (escaped) {
                escaped = false;
            } else if (c == u'\\') {
                escaped = true;
            } else if (c == u'"') {
                inString = false;
            }
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[': {
            // An empty object or array stays on one line.
            qsizetype next = i + 1;
            while (next < json.size() && isJsonSpace(json[next])) {
                ++next;
            }
            out += c;
            if (next < json.size() && (json[next] == u'}' || json[next] == u']')) {
                out += json[next];
                i = next;
            } else {
                ++depth;
                newline();
            }
            break;
        }
        case u'}':
        case u']':
            --depth;
            newline();
            out += c;
            break;
        case u',':
            out += c;
            newline();
            break;
        case u':':
            out += u": ";
            break;
        case u' ':
        case u'\t':
        case u'\n':
        case u'\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

bool isUtf8Text(QByteArrayView bytes)
{
    if (bytes.contains('\0')) {
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // Decoding is lazy until the result becomes a QString; only then does hasError() know.
    [[maybe_unused]] const QString decoded = decoder.decode(bytes);
    return !decoder.hasError();
}

QByteArray sniffImageFormat(QByteArrayView bytes)
{
    if (bytes.startsWith("\x89PNG\r\n\x1A\n")) {
        return "png";
    }
    if (bytes.startsWith("\xFF\xD8\xFF")) {
        return "jpeg";
    }
    if (bytes.startsWith("GIF87a") || bytes.startsWith("GIF89a")) {
        return "gif";
    }
    if (bytes.size() >= 12 && bytes.startsWith("RIFF") && bytes.sliced(8, 4) == "WEBP") {
        return "webp";
    }
    // SVG is XML: an <svg element near the start, maybe after a prolog, comments or a doctype.
    const QByteArrayView start = trimmedStart(bytes);
    if (start.startsWith("<svg") || (start.startsWith("<?xml") || start.startsWith("<!"))) {
        if (start.first(std::min<qsizetype>(start.size(), 4096)).contains("<svg")) {
            return "svg";
        }
    }
    return {};
}

QString contentTypeOf(const QJsonObject& metadata)
{
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const QString name = it.key().toLower();
        if (name == u"content-type" || name == u"contenttype" || name == u"mimetype" || name == u"mime-type") {
            return it.value().toString().section(u';', 0, 0).trimmed().toLower();
        }
    }
    return {};
}

ValueMode detectMode(QByteArrayView bytes, const QJsonObject& metadata)
{
    const QString type = contentTypeOf(metadata);
    if (type.startsWith(u"image/")) {
        return ValueMode::Image;
    }
    if (type == u"application/json" || type.endsWith(u"+json")) {
        return ValueMode::Json;
    }
    if (type == u"application/octet-stream") {
        return ValueMode::Hex;
    }
    if (type.startsWith(u"text/")) {
        return isUtf8Text(bytes) ? ValueMode::Text : ValueMode::Hex;
    }
    if (!sniffImageFormat(bytes).isEmpty()) {
        return ValueMode::Image;
    }
    if (!isUtf8Text(bytes)) {
        return ValueMode::Hex;
    }
    const QByteArrayView start = trimmedStart(bytes);
    if (!start.isEmpty() && (start.front() == '{' || start.front() == '[') && checkJson(bytes.toByteArray()).ok) {
        return ValueMode::Json;
    }
    return ValueMode::Text;
}

QString hexDump(QByteArrayView bytes, qsizetype maxBytes)
{
    constexpr qsizetype kPerLine = 16;
    const qsizetype shown = std::min(bytes.size(), maxBytes);
    QString out;
    out.reserve((shown / kPerLine + 1) * 78);
    for (qsizetype line = 0; line < shown; line += kPerLine) {
        out += QString::number(line, 16).rightJustified(8, u'0');
        out += u"  ";
        QString ascii;
        for (qsizetype i = line; i < line + kPerLine; ++i) {
            if (i < shown) {
                const auto byte = static_cast<uchar>(bytes[i]);
                out += QString::number(byte, 16).rightJustified(2, u'0');
                out += u' ';
                ascii += byte >= 0x20 && byte < 0x7f ? QChar(static_cast<char16_t>(byte)) : QChar(u'.');
            } else {
                out += u"   ";
            }
            if (i == line + kPerLine / 2 - 1) {
                out += u' ';
            }
        }
        out += u' ';
        out += ascii;
        out += u'\n';
    }
    return out;
}

PreparedValue prepareValue(const QByteArray& value, const QJsonObject& metadata)
{
    PreparedValue prepared;
    prepared.mode = detectMode(value, metadata);
    prepared.utf8 = isUtf8Text(value);
    prepared.text = QString::fromUtf8(value);
    if (prepared.utf8 && checkJson(value).ok && !trimmedStart(value).isEmpty()) {
        prepared.prettyText = prettyJson(prepared.text);
    }
    return prepared;
}

DecodedImage decodeImage(const QByteArray& bytes)
{
    DecodedImage decoded;
    decoded.format = sniffImageFormat(bytes);
    if (!decoded.format.isEmpty() && !QImageReader::supportedImageFormats().contains(decoded.format)) {
        decoded.error = QCoreApplication::translate("kv::ui::ValueFormat",
            "Cannot preview this %1 image: Qt on this system has no image plugin for %1. "
            "(Debian: WebP comes with qt6-image-formats-plugins, SVG with libqt6svg6.)")
                            .arg(QString::fromLatin1(decoded.format.toUpper()));
        return decoded;
    }
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    if (!reader.read(&decoded.image)) {
        decoded.error = QCoreApplication::translate("kv::ui::ValueFormat", "Cannot preview this value as an image: %1")
                            .arg(reader.errorString());
        return decoded;
    }
    if (!reader.format().isEmpty()) {
        decoded.format = reader.format();
    }
    return decoded;
}

} // namespace kv::ui
