#pragma once
// The JSON lines format of bulk import and export: one entry per line,
//   {"key": "user/1", "value": "text", "metadata": {...}, "expiration": 1767225600}
//   {"key": "logo", "value": "iVBORw0…", "base64": true}
// value is text when the bytes are valid UTF-8 and base64 (with "base64": true) otherwise;
// metadata and expiration (Unix seconds) are optional. It is the bulk API's item shape, so a file
// exported here can be posted to kvd's /bulk route as it is, line by line.

#include "client/Client.h"

#include <QByteArray>
#include <QByteArrayView>

namespace kv::client::jsonlines {

/// One line (without its newline) as a put; BadRequest naming what is wrong with it. Key and
/// metadata rules are the service's, checked when the entry is written.
Result<PutRequest> parse(QByteArrayView line);

/// One entry as a line, without the newline.
QByteArray encode(const model::Entry& entry);

} // namespace kv::client::jsonlines
