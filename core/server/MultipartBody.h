#pragma once
// multipart/form-data (RFC 7578 over RFC 2046 framing) as a pure function of the Content-Type
// value and the body bytes, so the PUT value route, the fuzz target and unit tests share it.
// Framing is strict: delimiters sit at the start of the body or after CRLF, part headers end
// with CRLF, and a body without its closing delimiter is refused rather than guessed at.

#include "model/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace kv::server {

/// One part of a form. The views point into the body given to parseMultipart(), which must
/// outlive them.
struct MultipartPart
{
    /// The name= of its Content-Disposition: form-data header.
    QByteArray name;
    /// The filename= of its Content-Disposition, when one was given.
    std::optional<QByteArray> filename;
    /// Its Content-Type header as sent (empty when absent: text/plain by RFC 7578).
    QByteArray contentType;
    QByteArrayView body;
};

struct MultipartLimits
{
    /// More parts than this is an error, not a slow parse.
    qsizetype maxParts = 16;
    /// Bytes of one part's header block.
    qsizetype maxHeaderBytes = 8 * 1024;
};

/// True when the media type of a Content-Type value is multipart/form-data.
[[nodiscard]] bool isMultipartFormData(QByteArrayView contentType);
/// True for any multipart/* media type.
[[nodiscard]] bool isMultipart(QByteArrayView contentType);

/// The boundary parameter of a multipart Content-Type value, quoted or not; bad_request when it
/// is missing or breaks RFC 2046's rules (1 to 70 characters of its alphabet, no trailing space).
[[nodiscard]] Result<QByteArray> multipartBoundary(QByteArrayView contentType);

/// Splits a multipart/form-data body into its parts. Every failure is bad_request with a
/// details.reason naming what was wrong (e.g. "missing_closing_boundary").
[[nodiscard]] Result<QList<MultipartPart>> parseMultipart(
    QByteArrayView body, QByteArrayView boundary, const MultipartLimits& limits = {});

/// The value and optional metadata of a PUT on a value, read from a multipart/form-data body:
/// a part named "value" (required, any content type) and a part named "metadata" (optional, a
/// JSON document checked by the caller). Any other part, or a repeated one, is bad_request.
struct ValueUpload
{
    QByteArrayView value;
    std::optional<QByteArrayView> metadata;
};
[[nodiscard]] Result<ValueUpload> parseValueUpload(QByteArrayView contentType, QByteArrayView body);

} // namespace kv::server
