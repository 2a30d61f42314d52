#pragma once
// How the value editor reads a value's bytes: which mode suits it (from its content and a content
// type in its metadata), JSON checks that name a line and column, a pretty-printer that keeps the
// document's own key order and number text, the hex dump and image decoding. Plain functions, so
// that they run on a worker thread and are tested without widgets.

#include <QByteArray>
#include <QByteArrayView>
#include <QImage>
#include <QJsonObject>
#include <QString>
#include <QStringView>

namespace kv::ui {

enum class ValueMode { Text, Json, Hex, Image };

struct JsonCheck
{
    bool ok = true;
    /// Qt's description of the fault, e.g. "illegal value".
    QString error;
    /// 1-based, in characters, where the parser stopped.
    int line = 0;
    int column = 0;
};

/// Checks a JSON text of any kind (objects, arrays and the scalars RFC 8259 allows at the top).
JsonCheck checkJson(const QByteArray& utf8);
/// The 1-based line and column, in characters, of the character before a byte offset into UTF-8
/// text (QJsonParseError's offset points just past the character it stumbled on).
JsonCheck lineColumnAt(const QByteArray& utf8, qsizetype offset);
/// Re-indents valid JSON text. QJsonDocument would sort the keys, drop duplicates and round
/// integers above 2^53 through double: this only moves whitespace.
QString prettyJson(QStringView json);

/// Valid UTF-8 without NUL bytes: what the text modes can show and save back unchanged.
bool isUtf8Text(QByteArrayView bytes);
/// "png", "jpeg", "gif", "webp" or "svg" from the value's first bytes; empty when none of them.
QByteArray sniffImageFormat(QByteArrayView bytes);
/// The metadata's content type ("content-type", "contentType" or "mimeType", any case), lower
/// case and without parameters; empty when there is none.
QString contentTypeOf(const QJsonObject& metadata);
/// The mode a value opens in: a content type wins when it names one, else the content decides.
ValueMode detectMode(QByteArrayView bytes, const QJsonObject& metadata);

/// Offset, 16 bytes in hex and their printable ASCII per line; at most maxBytes of the value.
QString hexDump(QByteArrayView bytes, qsizetype maxBytes);

/// Bytes per line of the hex editor and of its offset/ASCII column beside it.
inline constexpr qsizetype kHexBytesPerLine = 16;
/// What the hex editor edits: pairs of hex digits, sixteen per line, a space between pairs.
QString hexPairs(QByteArrayView bytes);
/// The offset and printable ASCII of each line of hexPairs(), shown beside the editor.
QString hexGutter(QByteArrayView bytes);

struct HexParse
{
    bool ok = true;
    QByteArray bytes;
    /// Why the text is not bytes (already translated), and where: 1-based, in characters.
    QString error;
    int line = 0;
    int column = 0;
};
/// Reads hex digit pairs back into bytes. Whitespace is ignored anywhere (so a pair may be split
/// by a line break); anything else that is not a hex digit, or an odd number of digits, is an error.
HexParse parseHexPairs(QStringView text);

/// What the editor shows for a freshly loaded value, worked out off the UI thread.
struct PreparedValue
{
    ValueMode mode = ValueMode::Text;
    bool utf8 = true;
    /// The value as text; empty when it is not UTF-8 text. (A lossy decoding would show nothing
    /// useful, and laying out a long run of replacement characters stalls the UI for seconds.)
    QString text;
    /// The pretty-printed text when the value is valid JSON; empty otherwise.
    QString prettyText;
};
PreparedValue prepareValue(const QByteArray& value, const QJsonObject& metadata);

struct DecodedImage
{
    QImage image;
    /// The format Qt read, or the one sniffed when it could not.
    QByteArray format;
    /// Why there is no image (already translated); empty on success.
    QString error;
};
/// Decodes with Qt's image plugins; a format without a plugin on this system says so.
DecodedImage decodeImage(const QByteArray& bytes);

} // namespace kv::ui
