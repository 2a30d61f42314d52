<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>kv::client::BulkExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>kv::client::BulkImport</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the batch was refused</source>
        <translation>der Stapel wurde abgelehnt</translation>
    </message>
</context>
<context>
    <name>kv::ui::ApiKeyModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>Rotiert</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Key id %1</source>
        <translation>Schlüssel-ID %1</translation>
    </message>
    <message>
        <source>Every namespace</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>Expired at %1</source>
        <translation>Abgelaufen am %1</translation>
    </message>
    <message>
        <source>Revoked at %1</source>
        <translation>Widerrufen am %1</translation>
    </message>
    <message>
        <source>Replaced by the key %1 at %2</source>
        <translation>Am %2 durch den Schlüssel %1 ersetzt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Präfix</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>kv::ui::ApiKeyText</name>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signalisierung</translation>
    </message>
    <message>
        <source>List namespaces and keys, read values and usage</source>
        <translation>Namespaces und Schlüssel auflisten, Werte und Nutzung lesen</translation>
    </message>
    <message>
        <source>Put and delete values, one at a time or in batches</source>
        <translation>Werte schreiben und löschen, einzeln oder stapelweise</translation>
    </message>
    <message>
        <source>Create and delete namespaces, change plans, manage API keys, read the audit trail and live events</source>
        <translation>Namespaces anlegen und löschen, Tarife ändern, API-Schlüssel verwalten, Audit-Protokoll und Live-Ereignisse lesen</translation>
    </message>
    <message>
        <source>Connect WebRTC peers to the signaling relay</source>
        <translation>WebRTC-Peers mit dem Signalisierungs-Relay verbinden</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>kv::ui::ApiKeysPage</name>
    <message>
        <source>“%1” (%2)</source>
        <translation>„%1“ (%2)</translation>
    </message>
    <message>
        <source>Show &amp;inactive keys</source>
        <translation>&amp;Inaktive Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>API key actions</source>
        <translation>API-Schlüssel-Aktionen</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <source>API key filter</source>
        <translation>API-Schlüssel-Filter</translation>
    </message>
    <message>
        <source>Shows only the keys whose name or prefix contains this text</source>
        <translation>Zeigt nur die Schlüssel, deren Name oder Präfix diesen Text enthält</translation>
    </message>
    <message>
        <source>Name or prefix</source>
        <translation>Name oder Präfix</translation>
    </message>
    <message>
        <source>Also lists the keys that were revoked, rotated or have expired</source>
        <translation>Listet auch die Schlüssel auf, die widerrufen, rotiert wurden oder abgelaufen sind</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Every API key with its scopes, namespaces, expiry, last use and status. Insert creates a key, Delete revokes the selected one.</source>
        <translation>Alle API-Schlüssel mit Berechtigungen, Namespaces, Ablauf, letzter Verwendung und Status. Einfg legt einen Schlüssel an, Entf widerruft den ausgewählten.</translation>
    </message>
    <message>
        <source>&amp;New API Key…</source>
        <translation>&amp;Neuer API-Schlüssel…</translation>
    </message>
    <message>
        <source>Create an API key (Ctrl+Shift+K or Insert)</source>
        <translation>Einen API-Schlüssel anlegen (Ctrl+Shift+K oder Einfg)</translation>
    </message>
    <message>
        <source>&amp;Rotate…</source>
        <translation>&amp;Rotieren…</translation>
    </message>
    <message>
        <source>Replace the selected key&apos;s secret with a new one</source>
        <translation>Das Geheimnis des ausgewählten Schlüssels durch ein neues ersetzen</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Revoke the selected key (Del in the table)</source>
        <translation>Den ausgewählten Schlüssel widerrufen (Entf in der Tabelle)</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-Schlüssel angelegt</translation>
    </message>
    <message>
        <source>Rotate API key</source>
        <translation>API-Schlüssel rotieren</translation>
    </message>
    <message>
        <source>Rotate the API key %1?</source>
        <translation>Den API-Schlüssel %1 rotieren?</translation>
    </message>
    <message>
        <source>A new secret is issued under a new prefix, with the same name, scopes, namespaces and expiry. The current secret stops working at once: clients still using it get 401 Unauthorized until they use the new one.</source>
        <translation>Ein neues Geheimnis wird unter einem neuen Präfix ausgestellt, mit demselben Namen, denselben Berechtigungen, Namespaces und demselben Ablauf. Das bisherige Geheimnis ist sofort ungültig: Clients, die es noch verwenden, erhalten 401 Unauthorized, bis sie das neue verwenden.</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotieren</translation>
    </message>
    <message>
        <source>API key rotated</source>
        <translation>API-Schlüssel rotiert</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke the API key %1?</source>
        <translation>Den API-Schlüssel %1 widerrufen?</translation>
    </message>
    <message>
        <source>Every client using this key is refused with 401 Unauthorized from now on. A revoked key cannot be brought back; create a new one if it is needed again.</source>
        <translation>Alle Clients, die diesen Schlüssel verwenden, werden ab sofort mit 401 Unauthorized abgewiesen. Ein widerrufener Schlüssel kann nicht wiederhergestellt werden; legen Sie einen neuen an, falls er wieder benötigt wird.</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>The secret of the API key %1:</source>
        <translation>Das Geheimnis des API-Schlüssels %1:</translation>
    </message>
</context>
<context>
    <name>kv::ui::AuditFilterBar</name>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Shows only the events of this period</source>
        <translation>Zeigt nur die Ereignisse dieses Zeitraums</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Benutzerdefinierter Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>The earliest time of the custom range, included</source>
        <translation>Der früheste Zeitpunkt des benutzerdefinierten Zeitraums, einschließlich</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>The end of the custom range, excluded</source>
        <translation>Das Ende des benutzerdefinierten Zeitraums, ausschließlich</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Shows only the events of this actor: an API key id, local or billing; empty for any</source>
        <translation>Zeigt nur die Ereignisse dieses Akteurs: eine API-Schlüssel-ID, local oder billing; leer für alle</translation>
    </message>
    <message>
        <source>Any actor</source>
        <translation>Alle Akteure</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shows only the events of this action</source>
        <translation>Zeigt nur die Ereignisse dieser Aktion</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Shows only the events of this namespace id; empty for any</source>
        <translation>Zeigt nur die Ereignisse dieser Namespace-ID; leer für alle</translation>
    </message>
    <message>
        <source>Any namespace</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>Problem with the filter</source>
        <translation>Problem mit dem Filter</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Ac&amp;tor:</source>
        <translation>&amp;Akteur:</translation>
    </message>
    <message>
        <source>Act&amp;ion:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>Namespa&amp;ce:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>The range must start before it ends.</source>
        <translation>Der Zeitraum muss beginnen, bevor er endet.</translation>
    </message>
    <message>
        <source>Filter not applied: %1</source>
        <translation>Filter nicht angewendet: %1</translation>
    </message>
</context>
<context>
    <name>kv::ui::AuditModel</name>
    <message>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <source>Local time, newest first; the UTC time is in each row&apos;s tooltip</source>
        <translation>Ortszeit, neueste zuerst; die UTC-Zeit steht im Tooltip jeder Zeile</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>kv::ui::AuditPage</name>
    <message>
        <source>Audit trail status</source>
        <translation>Status des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Audit-Ereignisse</translation>
    </message>
    <message>
        <source>Who changed what, newest first: time, actor, action, namespace, target, request id and details</source>
        <translation>Wer was geändert hat, neueste zuerst: Zeit, Akteur, Aktion, Namespace, Ziel, Anfrage-ID und Details</translation>
    </message>
    <message>
        <source>Detai&amp;ls:</source>
        <translation>Detai&amp;ls:</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>The chosen audit event, whole, as JSON</source>
        <translation>Das ausgewählte Audit-Ereignis vollständig als JSON</translation>
    </message>
    <message>
        <source>Choose an event to see all of it.</source>
        <translation>Wählen Sie ein Ereignis aus, um es vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), newest first</source>
        <translation>
            <numerusform>%n Ereignis, neueste zuerst</numerusform>
            <numerusform>%n Ereignisse, neueste zuerst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), newest first; older ones load as you scroll down</source>
        <translation>
            <numerusform>%n Ereignis, neueste zuerst; ältere werden beim Herunterscrollen geladen</numerusform>
            <numerusform>%n Ereignisse, neueste zuerst; ältere werden beim Herunterscrollen geladen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kv::ui::ClientFactory</name>
    <message>
        <source>The store file %1 does not exist any more. Choose it again where it went, or create a new store.</source>
        <translation>Die Speicherdatei %1 existiert nicht mehr. Wählen Sie sie an ihrem neuen Ort erneut aus oder legen Sie einen neuen Datenspeicher an.</translation>
    </message>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The server did not accept the API key: check it, or ask the server&apos;s operator for a new one.</source>
        <translation>Der Server hat den API-Schlüssel nicht angenommen: Prüfen Sie ihn oder bitten Sie den Betreiber des Servers um einen neuen.</translation>
    </message>
    <message>
        <source>The API key works but may not do this: kvdesk needs a key with the admin scope.</source>
        <translation>Der API-Schlüssel ist gültig, darf dies aber nicht: kvdesk braucht einen Schlüssel mit dem Geltungsbereich „admin“.</translation>
    </message>
    <message>
        <source>The server could not be reached: check the address and that kvd is running.</source>
        <translation>Der Server ist nicht erreichbar: Prüfen Sie die Adresse und ob kvd läuft.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted. Check its fingerprint with the server&apos;s operator before you trust it.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut. Gleichen Sie seinen Fingerabdruck mit dem Betreiber des Servers ab, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>The local store could not be opened.</source>
        <translation>Der lokale Datenspeicher konnte nicht geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConflictDialog</name>
    <message>
        <source>Version conflict</source>
        <translation>Versionskonflikt</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else after you opened it. Reload their version (your changes are discarded), overwrite it with yours, or compare both first.</source>
        <translation>„%1“ wurde von jemand anderem geändert, nachdem Sie ihn geöffnet haben. Laden Sie die andere Version neu (Ihre Änderungen werden verworfen), überschreiben Sie sie mit Ihrer oder vergleichen Sie zuerst beide.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Version</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Andere Version</translation>
    </message>
    <message>
        <source>&amp;Yours (not saved):</source>
        <translation>&amp;Ihre Version (nicht gespeichert):</translation>
    </message>
    <message>
        <source>&amp;Theirs:</source>
        <translation>&amp;Andere Version:</translation>
    </message>
    <message>
        <source>&amp;Reload theirs</source>
        <translation>Andere Version neu &amp;laden</translation>
    </message>
    <message>
        <source>Discard your changes and load the version saved by someone else</source>
        <translation>Ihre Änderungen verwerfen und die von jemand anderem gespeicherte Version laden</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>Mit meiner &amp;überschreiben</translation>
    </message>
    <message>
        <source>Save your version over theirs</source>
        <translation>Ihre Version über die andere speichern</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Show your version and theirs side by side</source>
        <translation>Ihre und die andere Version nebeneinander zeigen</translation>
    </message>
    <message>
        <source>Keep editing without saving</source>
        <translation>Ohne Speichern weiter bearbeiten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConnectionDialog</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Create &amp;New Store…</source>
        <translation>Neuen Datenspeicher an&amp;legen…</translation>
    </message>
    <message>
        <source>&amp;Open Store…</source>
        <translation>Datenspeicher ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>Trust This &amp;Certificate</source>
        <translation>Diesem &amp;Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>&amp;Forget Trusted Certificates</source>
        <translation>Vertraute Zertifikate ver&amp;gessen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>Ver&amp;binden</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>New connection profile</source>
        <translation>Neues Verbindungsprofil</translation>
    </message>
    <message>
        <source>Remove connection profile</source>
        <translation>Verbindungsprofil entfernen</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>Name der Verbindung</translation>
    </message>
    <message>
        <source>Connection kind</source>
        <translation>Art der Verbindung</translation>
    </message>
    <message>
        <source>Local store file</source>
        <translation>Lokale Speicherdatei</translation>
    </message>
    <message>
        <source>kvd server</source>
        <translation>kvd-Server</translation>
    </message>
    <message>
        <source>Store file</source>
        <translation>Speicherdatei</translation>
    </message>
    <message>
        <source>Create a new store or open one</source>
        <translation>Legen Sie einen neuen Datenspeicher an oder öffnen Sie einen</translation>
    </message>
    <message>
        <source>Create a new store file</source>
        <translation>Neue Speicherdatei anlegen</translation>
    </message>
    <message>
        <source>Open an existing store file</source>
        <translation>Vorhandene Speicherdatei öffnen</translation>
    </message>
    <message>
        <source>Store &amp;file:</source>
        <translation>Speicher&amp;datei:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>http:// or https:// followed by the host and, if needed, the port</source>
        <translation>http:// oder https://, gefolgt vom Host und, falls nötig, dem Port</translation>
    </message>
    <message>
        <source>https://kvd.example.com:8443</source>
        <translation>https://kvd.example.com:8443</translation>
    </message>
    <message>
        <source>Problem with the server address</source>
        <translation>Problem mit der Serveradresse</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Saved in the system keychain, never in kvdesk&apos;s settings</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert, nie in den Einstellungen von kvdesk</translation>
    </message>
    <message>
        <source>Leave empty to use the key in the keychain</source>
        <translation>Leer lassen, um den Schlüssel aus dem Schlüsselbund zu verwenden</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung prüfen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis der Verbindungsprüfung</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>Zertifikatsdetails</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Trusted certificates</source>
        <translation>Vertraute Zertifikate</translation>
    </message>
    <message>
        <source>Forget trusted certificates</source>
        <translation>Vertraute Zertifikate vergessen</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Ad&amp;resse:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Save connection</source>
        <translation>Verbindung speichern</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;Connections:</source>
        <translation>&amp;Verbindungen:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation>Ar&amp;t:</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Removed “%1”. Its store file or server is untouched.</source>
        <translation>„%1“ entfernt. Die Speicherdatei bzw. der Server bleibt unverändert.</translation>
    </message>
    <message>
        <source>Removed “%1”. %2</source>
        <translation>„%1“ entfernt. %2</translation>
    </message>
    <message>
        <source>No certificate trusted beyond the system&apos;s.</source>
        <translation>Keine vertrauten Zertifikate außer denen des Systems.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) trusted for this server.</source>
        <translation>
            <numerusform>Für diesen Server wird %n Zertifikat vertraut.</numerusform>
            <numerusform>Für diesen Server wird %n Zertifikaten vertraut.</numerusform>
        </translation>
    </message>
    <message>
        <source>kvdesk stores (*.kvstore)</source>
        <translation>kvdesk-Datenspeicher (*.kvstore)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open a store file</source>
        <translation>Speicherdatei öffnen</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>%1 wird angelegt…</translation>
    </message>
    <message>
        <source>The store could not be created.
%1</source>
        <translation>Der Datenspeicher konnte nicht angelegt werden.
%1</translation>
    </message>
    <message>
        <source>Created the store %1.</source>
        <translation>Datenspeicher %1 angelegt.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: kvd %1, %2 ms, %n namespace(s).</source>
        <translation>
            <numerusform>Verbunden: kvd %1, %2 ms, %n Namespace.</numerusform>
            <numerusform>Verbunden: kvd %1, %2 ms, %n Namespaces.</numerusform>
        </translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
SHA-256: %3
Valid from %4 to %5</source>
        <translation>Inhaber: %1
Aussteller: %2
SHA-256: %3
Gültig von %4 bis %5</translation>
    </message>
    <message>
        <source>The certificate is trusted for this connection once you save it.</source>
        <translation>Dem Zertifikat wird für diese Verbindung vertraut, sobald Sie sie speichern.</translation>
    </message>
    <message>
        <source>Trusted certificates forgotten for this connection once you save it.</source>
        <translation>Die vertrauten Zertifikate dieser Verbindung werden vergessen, sobald Sie sie speichern.</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved “%1”; storing the API key in the keychain…</source>
        <translation>„%1“ gespeichert; der API-Schlüssel wird im Schlüsselbund abgelegt…</translation>
    </message>
    <message>
        <source>Saved “%1”; the API key is in the system keychain.</source>
        <translation>„%1“ gespeichert; der API-Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>Saved “%1”, but not its API key. %2</source>
        <translation>„%1“ gespeichert, aber nicht den API-Schlüssel. %2</translation>
    </message>
    <message>
        <source>Connecting to “%1”…</source>
        <translation>Verbindung zu „%1“ wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConnectionManager</name>
    <message>
        <source>No connection was used before.</source>
        <translation>Es wurde noch keine Verbindung verwendet.</translation>
    </message>
    <message>
        <source>No API key is stored for this connection: enter it.</source>
        <translation>Für diese Verbindung ist kein API-Schlüssel gespeichert: Geben Sie ihn ein.</translation>
    </message>
</context>
<context>
    <name>kv::ui::ConnectionProfile</name>
    <message>
        <source>Give the connection a name.</source>
        <translation>Geben Sie der Verbindung einen Namen.</translation>
    </message>
    <message>
        <source>Choose a store file, or create a new one.</source>
        <translation>Wählen Sie eine Speicherdatei aus oder legen Sie eine neue an.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, e.g. https://kvd.example.com:8443</source>
        <translation>Geben Sie die Adresse des Servers ein, z. B. https://kvd.example.com:8443</translation>
    </message>
    <message>
        <source>This is not a valid address: %1</source>
        <translation>Dies ist keine gültige Adresse: %1</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http:// on a trusted network).</source>
        <translation>Die Adresse muss mit https:// beginnen (oder mit http:// in einem vertrauenswürdigen Netz).</translation>
    </message>
    <message>
        <source>The address needs a host name, e.g. https://kvd.example.com</source>
        <translation>Die Adresse braucht einen Hostnamen, z. B. https://kvd.example.com</translation>
    </message>
    <message>
        <source>Leave the user name out of the address: the API key goes in its own field.</source>
        <translation>Lassen Sie den Benutzernamen in der Adresse weg: Der API-Schlüssel gehört in sein eigenes Feld.</translation>
    </message>
    <message>
        <source>Give only the server&apos;s address, without a path (kvdesk adds /v1 itself).</source>
        <translation>Geben Sie nur die Adresse des Servers an, ohne Pfad (kvdesk ergänzt /v1 selbst).</translation>
    </message>
    <message>
        <source>Give only the server&apos;s address, without ? or #.</source>
        <translation>Geben Sie nur die Adresse des Servers an, ohne ? oder #.</translation>
    </message>
</context>
<context>
    <name>kv::ui::DataConsole</name>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>The namespaces of the backend with their plan, key count and size</source>
        <translation>Die Namespaces des Backends mit Tarif, Anzahl der Schlüssel und Größe</translation>
    </message>
    <message>
        <source>&amp;Filter keys:</source>
        <translation>Schlüssel &amp;filtern:</translation>
    </message>
    <message>
        <source>Key prefix filter</source>
        <translation>Filter nach Schlüsselpräfix</translation>
    </message>
    <message>
        <source>Shows only the keys that start with this text</source>
        <translation>Zeigt nur die Schlüssel, die mit diesem Text beginnen</translation>
    </message>
    <message>
        <source>Key prefix</source>
        <translation>Schlüsselpräfix</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The keys of the namespace with size, expiration, version and metadata</source>
        <translation>Die Schlüssel des Namespace mit Größe, Ablauf, Version und Metadaten</translation>
    </message>
    <message>
        <source>Import JSON lines into %1</source>
        <translation>JSON-Lines in %1 importieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.ndjson);;All files (*)</source>
        <translation>JSON-Lines (*.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export %1 as JSON lines</source>
        <translation>%1 als JSON-Lines exportieren</translation>
    </message>
    <message>
        <source>Delete keys</source>
        <translation>Schlüssel löschen</translation>
    </message>
    <message>
        <source>Delete the key %1?</source>
        <translation>Den Schlüssel %1 löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n key(s)?</source>
        <translation>
            <numerusform>%n Schlüssel löschen?</numerusform>
            <numerusform>%n Schlüssel löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>No key was deleted.</source>
        <translation>Es wurde kein Schlüssel gelöscht.</translation>
    </message>
</context>
<context>
    <name>kv::ui::DataSize</name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln Byte</numerusform>
            <numerusform>%Ln Byte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kv::ui::DeleteNamespaceDialog</name>
    <message>
        <source>Delete namespace</source>
        <translation>Namespace löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %1 removes its %n key(s) for good. Type the namespace&apos;s id to confirm.</source>
        <translation>
            <numerusform>Das Löschen von %1 entfernt seinen %n Schlüssel endgültig. Geben Sie zur Bestätigung die ID des Namespace ein.</numerusform>
            <numerusform>Das Löschen von %1 entfernt seine %n Schlüssel endgültig. Geben Sie zur Bestätigung die ID des Namespace ein.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Namespace id:</source>
        <translation>&amp;ID des Namespace:</translation>
    </message>
    <message>
        <source>Type the namespace id to confirm</source>
        <translation>Zur Bestätigung die ID des Namespace eingeben</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>kv::ui::KeyTableModel</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Click to list the keys A to Z or Z to A</source>
        <translation>Klicken, um die Schlüssel von A bis Z oder von Z bis A aufzulisten</translation>
    </message>
    <message>
        <source>Only the Key column can be sorted: keys are listed in key order</source>
        <translation>Nur die Spalte „Schlüssel“ lässt sich sortieren: Die Schlüssel werden nach ihrem Namen geordnet aufgelistet</translation>
    </message>
</context>
<context>
    <name>kv::ui::KeychainSecrets</name>
    <message>
        <source>No API key is stored in the keychain for this connection: enter it.</source>
        <translation>Im Schlüsselbund ist für diese Verbindung kein API-Schlüssel gespeichert: Geben Sie ihn ein.</translation>
    </message>
    <message>
        <source>The API key was not saved anywhere; you can still connect with it for this session.</source>
        <translation>Der API-Schlüssel wurde nirgends gespeichert; Sie können sich in dieser Sitzung trotzdem damit verbinden.</translation>
    </message>
    <message>
        <source>Enter the API key to connect for this session.</source>
        <translation>Geben Sie den API-Schlüssel ein, um sich für diese Sitzung zu verbinden.</translation>
    </message>
    <message>
        <source>The stored API key could not be deleted; delete it with your keychain&apos;s own tool.</source>
        <translation>Der gespeicherte API-Schlüssel konnte nicht gelöscht werden; löschen Sie ihn mit dem Programm Ihres Schlüsselbunds.</translation>
    </message>
    <message>
        <source>No keychain service was found. Install and start one (GNOME Keyring or KWallet), log out and in again, then save the connection again.</source>
        <translation>Es wurde kein Schlüsselbund-Dienst gefunden. Installieren und starten Sie einen (GNOME Keyring oder KWallet), melden Sie sich ab und wieder an und speichern Sie dann die Verbindung erneut.</translation>
    </message>
    <message>
        <source>The keychain cannot be reached because no D-Bus session is running (as in a remote shell without a desktop). Run kvdesk in a desktop session, or start one with dbus-run-session and a keyring daemon (gnome-keyring-daemon --unlock), then try again.</source>
        <translation>Der Schlüsselbund ist nicht erreichbar, weil keine D-Bus-Sitzung läuft (etwa in einer entfernten Shell ohne Desktop). Starten Sie kvdesk in einer Desktop-Sitzung oder starten Sie eine mit dbus-run-session und einem Schlüsselbund-Dienst (gnome-keyring-daemon --unlock) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The keychain is locked or has no default keyring. Unlock it (log in to the desktop, or unlock the &quot;Login&quot; keyring in Passwords and Keys), then try again.</source>
        <translation>Der Schlüsselbund ist gesperrt oder hat keinen Standardschlüsselbund. Entsperren Sie ihn (melden Sie sich am Desktop an oder entsperren Sie den Schlüsselbund „Anmeldung“ in „Passwörter und Verschlüsselung“) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The keychain refused access to kvdesk. Allow it when the keychain asks, then try again.</source>
        <translation>Der Schlüsselbund hat kvdesk den Zugriff verweigert. Erlauben Sie ihn, wenn der Schlüsselbund nachfragt, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The keychain failed: %1.</source>
        <translation>Der Schlüsselbund meldet einen Fehler: %1.</translation>
    </message>
</context>
<context>
    <name>kv::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <translation>&amp;System (%1)</translation>
    </message>
    <message>
        <source>Show kvdesk in the language of the system</source>
        <translation>kvdesk in der Sprache des Systems anzeigen</translation>
    </message>
</context>
<context>
    <name>kv::ui::MainWindow</name>
    <message>
        <source>kvdesk</source>
        <translation>kvdesk</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Backend health</source>
        <translation>Zustand des Backends</translation>
    </message>
    <message>
        <source>Live events</source>
        <translation>Live-Ereignisse</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>Da&amp;ten</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>Lokaler Datenspeicher: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;New Key</source>
        <translation>&amp;Neuer Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Find Keys</source>
        <translation>Schlüssel &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Delete Keys</source>
        <translation>Schlüssel &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Namespace</source>
        <translation>&amp;Namespace</translation>
    </message>
    <message>
        <source>&amp;New Namespace…</source>
        <translation>&amp;Neuer Namespace…</translation>
    </message>
    <message>
        <source>Change &amp;Plan…</source>
        <translation>&amp;Tarif ändern…</translation>
    </message>
    <message>
        <source>&amp;Delete Namespace…</source>
        <translation>Namespace &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>kvdesk will be in %1 from its next start.</source>
        <translation>Die Sprache %1 gilt ab dem nächsten Start von kvdesk.</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Healthy · %1 ms</source>
        <translation>Betriebsbereit · %1 ms</translation>
    </message>
    <message>
        <source>Server version %1</source>
        <translation>Serverversion %1</translation>
    </message>
    <message>
        <source>Paused after failures</source>
        <translation>Nach Fehlern pausiert</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Neuer Versuch…</translation>
    </message>
    <message>
        <source>Events: connecting…</source>
        <translation>Ereignisse: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Events: live</source>
        <translation>Ereignisse: live</translation>
    </message>
    <message>
        <source>Events: reconnecting…</source>
        <translation>Ereignisse: Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Connected peers</source>
        <translation>Verbundene Peers</translation>
    </message>
    <message>
        <source>API &amp;Keys</source>
        <translation>API-&amp;Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Usage</source>
        <translation>&amp;Nutzung</translation>
    </message>
    <message>
        <source>&amp;Peers</source>
        <translation>&amp;Peers</translation>
    </message>
    <message>
        <source>Peers: %1</source>
        <translation>Peers: %1</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>&amp;Audit</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Keys &amp;Z to A</source>
        <translation>Schlüssel &amp;Z bis A</translation>
    </message>
</context>
<context>
    <name>kv::ui::MessageArea</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Text der Meldung</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>kv::ui::NamespaceModel</name>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>kv::ui::NewApiKeyDialog</name>
    <message>
        <source>Problem with the name</source>
        <translation>Problem mit dem Namen</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. checkout service</source>
        <translation>z. B. Checkout-Dienst</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Lesen</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message>
        <source>Ad&amp;min</source>
        <translation>Ad&amp;min</translation>
    </message>
    <message>
        <source>&amp;Signal</source>
        <translation>Si&amp;gnalisierung</translation>
    </message>
    <message>
        <source>Problem with the scopes</source>
        <translation>Problem mit den Berechtigungen</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>&amp;All namespaces, also those created later</source>
        <translation>&amp;Alle Namespaces, auch später angelegte</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>&amp;Only the namespaces checked below:</source>
        <translation>N&amp;ur die unten markierten Namespaces:</translation>
    </message>
    <message>
        <source>Only the chosen namespaces</source>
        <translation>Nur die ausgewählten Namespaces</translation>
    </message>
    <message>
        <source>Namespaces the key may use</source>
        <translation>Namespaces, die der Schlüssel verwenden darf</translation>
    </message>
    <message>
        <source>Check each namespace the key may use; Space checks the current one</source>
        <translation>Markieren Sie jeden Namespace, den der Schlüssel verwenden darf; die Leertaste markiert den aktuellen</translation>
    </message>
    <message>
        <source>Namespace to add</source>
        <translation>Hinzuzufügender Namespace</translation>
    </message>
    <message>
        <source>A namespace id, also one that does not exist yet</source>
        <translation>Eine Namespace-ID, auch eine, die noch nicht existiert</translation>
    </message>
    <message>
        <source>&amp;Type a namespace:</source>
        <translation>Namespace &amp;eingeben:</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the typed namespace</source>
        <translation>Den eingegebenen Namespace hinzufügen</translation>
    </message>
    <message>
        <source>Problem with the namespaces</source>
        <translation>Problem mit den Namespaces</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Ne&amp;ver expires</source>
        <translation>Läuft n&amp;ie ab</translation>
    </message>
    <message>
        <source>&amp;Expires on:</source>
        <translation>Läuft a&amp;b am:</translation>
    </message>
    <message>
        <source>Expires on a date</source>
        <translation>Läuft an einem Datum ab</translation>
    </message>
    <message>
        <source>Expiry date and time</source>
        <translation>Ablaufdatum und -uhrzeit</translation>
    </message>
    <message>
        <source>Expires a&amp;fter:</source>
        <translation>Läuft ab na&amp;ch:</translation>
    </message>
    <message>
        <source>Expires after a while</source>
        <translation>Läuft nach einer Zeitspanne ab</translation>
    </message>
    <message>
        <source>Expires after this many</source>
        <translation>Läuft nach dieser Anzahl ab</translation>
    </message>
    <message>
        <source>Unit of the expiry duration</source>
        <translation>Einheit der Gültigkeitsdauer</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>Problem with the expiry</source>
        <translation>Problem mit dem Ablauf</translation>
    </message>
    <message>
        <source>What the key is for, so that it can be told apart later</source>
        <translation>Wofür der Schlüssel dient, damit er später unterschieden werden kann</translation>
    </message>
    <message>
        <source>Check at least one namespace, or allow all namespaces.</source>
        <translation>Markieren Sie mindestens einen Namespace oder erlauben Sie alle Namespaces.</translation>
    </message>
</context>
<context>
    <name>kv::ui::NewNamespaceDialog</name>
    <message>
        <source>New namespace</source>
        <translation>Neuer Namespace</translation>
    </message>
    <message>
        <source>Namespace id</source>
        <translation>ID des Namespace</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, - and _, starting with a letter or digit</source>
        <translation>Kleinbuchstaben, Ziffern, - und _, am Anfang ein Buchstabe oder eine Ziffer</translation>
    </message>
    <message>
        <source>e.g. sessions</source>
        <translation>z. B. sessions</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Problem with the id</source>
        <translation>Problem mit der ID</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Tarif:</translation>
    </message>
</context>
<context>
    <name>kv::ui::PeerModel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>The peer&apos;s id, unique within its room</source>
        <translation>Die ID des Peers, eindeutig innerhalb seines Raums</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>The id of the API key the peer authenticated with</source>
        <translation>Die ID des API-Schlüssels, mit dem sich der Peer authentifiziert hat</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>The address and port the peer connects from</source>
        <translation>Adresse und Port, von denen aus sich der Peer verbindet</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation>Verbunden seit</translation>
    </message>
    <message>
        <source>The ICE connection state the peer last reported</source>
        <translation>Der zuletzt vom Peer gemeldete ICE-Verbindungsstatus</translation>
    </message>
    <message>
        <source>ICE state</source>
        <translation>ICE-Status</translation>
    </message>
    <message>
        <source>Messages the peer sent to the relay</source>
        <translation>Nachrichten, die der Peer an das Relay gesendet hat</translation>
    </message>
    <message>
        <source>Messages in</source>
        <translation>Nachrichten ein</translation>
    </message>
    <message>
        <source>Messages the relay sent to the peer</source>
        <translation>Nachrichten, die das Relay an den Peer gesendet hat</translation>
    </message>
    <message>
        <source>Messages out</source>
        <translation>Nachrichten aus</translation>
    </message>
    <message>
        <source>Bytes the peer sent to the relay</source>
        <translation>Bytes, die der Peer an das Relay gesendet hat</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes the relay sent to the peer</source>
        <translation>Bytes, die das Relay an den Peer gesendet hat</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
</context>
<context>
    <name>kv::ui::PeersPage</name>
    <message>
        <source>This connection is a local store. WebRTC peers connect to the signaling relay of a kvd server, so a local store never has any: connect to a kvd server (File ▸ Connections…) to watch its peers live.</source>
        <translation>Diese Verbindung ist ein lokaler Datenspeicher. WebRTC-Peers verbinden sich mit dem Signaling-Relay eines kvd-Servers, daher hat ein lokaler Datenspeicher nie welche: Verbinden Sie sich mit einem kvd-Server (Datei ▸ Verbindungen…), um dessen Peers live zu verfolgen.</translation>
    </message>
    <message>
        <source>No signaling relay</source>
        <translation>Kein Signaling-Relay</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Raum:</translation>
    </message>
    <message>
        <source>Room filter</source>
        <translation>Raumfilter</translation>
    </message>
    <message>
        <source>Shows only the peers of the chosen room, or of all rooms</source>
        <translation>Zeigt nur die Peers des gewählten Raums oder aller Räume</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Alle Räume</translation>
    </message>
    <message>
        <source>Peer summary</source>
        <translation>Peer-Übersicht</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>Peers</translation>
    </message>
    <message>
        <source>The peers connected to the signaling relay: id, room, API key, address, connection time, ICE state and message and byte counters</source>
        <translation>Die mit dem Signaling-Relay verbundenen Peers: ID, Raum, API-Schlüssel, Adresse, Verbindungszeit, ICE-Status sowie Nachrichten- und Byte-Zähler</translation>
    </message>
    <message>
        <source>Loading peers…</source>
        <translation>Peers werden geladen…</translation>
    </message>
    <message>
        <source>No peer is connected to the relay.</source>
        <translation>Mit dem Relay ist kein Peer verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) connected</source>
        <translation>
            <numerusform>%n Peer verbunden</numerusform>
            <numerusform>%n Peers verbunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n peer(s) shown</source>
        <translation>
            <numerusform>%1 von %n Peer angezeigt</numerusform>
            <numerusform>%1 von %n Peers angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kv::ui::PlanDialog</name>
    <message>
        <source>%1 (unlimited)</source>
        <translation>%1 (unbegrenzt)</translation>
    </message>
    <message>
        <source>%1 (%2 reads a month)</source>
        <translation>%1 (%2 Lesezugriffe im Monat)</translation>
    </message>
    <message>
        <source>Change plan of %1</source>
        <translation>Tarif von %1 ändern</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation>&amp;Tarif:</translation>
    </message>
</context>
<context>
    <name>kv::ui::SecretDialog</name>
    <message>
        <source>Co&amp;py</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;This is the only time the secret is shown.&lt;/b&gt; kvdesk does not keep it anywhere: copy it now and store it somewhere safe. If it is lost, rotate the key to get a new secret.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;&lt;b&gt;Das Geheimnis wird nur dieses eine Mal angezeigt.&lt;/b&gt; kvdesk speichert es nirgends: Kopieren Sie es jetzt und bewahren Sie es an einem sicheren Ort auf. Falls es verloren geht, rotieren Sie den Schlüssel, um ein neues Geheimnis zu erhalten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Geheimnis:</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>The API key&apos;s secret, shown only now</source>
        <translation>Das Geheimnis des API-Schlüssels, nur jetzt angezeigt</translation>
    </message>
    <message>
        <source>Copy the secret</source>
        <translation>Geheimnis kopieren</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>Kopierstatus</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>kv::ui::TransferDialog</name>
    <message>
        <source>Transfer status</source>
        <translation>Stand der Übertragung</translation>
    </message>
    <message>
        <source>Transfer progress</source>
        <translation>Fortschritt der Übertragung</translation>
    </message>
    <message>
        <source>Lines that were not imported</source>
        <translation>Nicht importierte Zeilen</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>Abbruch nach dem aktuellen Stapel…</translation>
    </message>
    <message>
        <source>Import into %1</source>
        <translation>Import in %1</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) imported from %1 line(s).</source>
        <translation>
            <numerusform>%n Eintrag aus %1 Zeile(n) importiert.</numerusform>
            <numerusform>%n Einträge aus %1 Zeile(n) importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies) exported.</source>
        <translation>
            <numerusform>%n Eintrag exportiert.</numerusform>
            <numerusform>%n Einträge exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: whole batches only were written.</source>
        <translation>Abgebrochen: Es wurden nur vollständige Stapel geschrieben.</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) were not imported.</source>
        <translation>
            <numerusform>%n Zeile wurde nicht importiert.</numerusform>
            <numerusform>%n Zeilen wurden nicht importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Line %1 (%2): %3</source>
        <translation>Zeile %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsageChart</name>
    <message>
        <source>Usage chart</source>
        <translation>Nutzungsdiagramm</translation>
    </message>
    <message>
        <source>80–100% of quota</source>
        <translation>80–100% des Kontingents</translation>
    </message>
    <message>
        <source>80% of quota</source>
        <translation>80% des Kontingents</translation>
    </message>
    <message>
        <source>At 80% of quota or more</source>
        <translation>Bei 80% des Kontingents oder mehr</translation>
    </message>
    <message>
        <source>Quota reached</source>
        <translation>Kontingent erreicht</translation>
    </message>
    <message>
        <source>%1 month to date</source>
        <translation>%1 seit Monatsbeginn</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>%1 pro Stunde</translation>
    </message>
    <message>
        <source>%1 per day</source>
        <translation>%1 pro Tag</translation>
    </message>
    <message>
        <source>%1 per month</source>
        <translation>%1 pro Monat</translation>
    </message>
    <message>
        <source>Storage quota (%1 bytes)</source>
        <translation>Speicherkontingent (%1 Bytes)</translation>
    </message>
    <message>
        <source>Monthly quota (%1)</source>
        <translation>Monatskontingent (%1)</translation>
    </message>
    <message>
        <source>Hour (UTC)</source>
        <translation>Stunde (UTC)</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>Month (UTC)</source>
        <translation>Monat (UTC)</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No usage to show.</source>
        <translation>Keine Nutzung vorhanden.</translation>
    </message>
    <message>
        <source>%1 bytes stored at the end.</source>
        <translation>%1 Bytes am Ende gespeichert.</translation>
    </message>
    <message>
        <source>%1 %2 in %3 buckets.</source>
        <translation>%1 %2 in %3 Intervallen.</translation>
    </message>
    <message>
        <source>%1% of the monthly quota of %2 used this month.</source>
        <translation>%1% des Monatskontingents von %2 in diesem Monat verbraucht.</translation>
    </message>
    <message>
        <source>%1% of the quota of %2 used in the last bucket.</source>
        <translation>%1% des Kontingents von %2 im letzten Intervall verbraucht.</translation>
    </message>
    <message>
        <source>The plan sets no quota for %1.</source>
        <translation>Der Tarif legt kein Kontingent für %1 fest.</translation>
    </message>
    <message>
        <source>The quota is per calendar month (UTC). By hour and by day, the dashed line adds up the month so far and restarts at zero when a month begins: that running total is what the quota line, the 80% line and the marked points compare.</source>
        <translation>Das Kontingent gilt pro Kalendermonat (UTC). Bei stündlicher und täglicher Ansicht summiert die gestrichelte Linie den bisherigen Monat auf und beginnt mit jedem neuen Monat wieder bei null: Mit dieser laufenden Summe werden die Kontingentlinie, die 80%-Linie und die markierten Punkte verglichen.</translation>
    </message>
    <message>
        <source>The bytes stored at the end of each bucket, against the plan&apos;s storage quota.</source>
        <translation>Die am Ende jedes Intervalls gespeicherten Bytes im Vergleich zum Speicherkontingent des Tarifs.</translation>
    </message>
    <message>
        <source>Each month&apos;s total against the monthly quota.</source>
        <translation>Die Summe jedes Monats im Vergleich zum Monatskontingent.</translation>
    </message>
    <message>
        <source>%1 UTC: %2 %3</source>
        <translation>%1 UTC: %2 %3</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsagePage</name>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 48 hours</source>
        <translation>Letzte 48 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Letzte 3 Monate</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>Letzte 6 Monate</translation>
    </message>
    <message>
        <source>Change &amp;Plan…</source>
        <translation>&amp;Tarif ändern…</translation>
    </message>
    <message>
        <source>E&amp;xport PNG…</source>
        <translation>PNG e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>The namespace whose usage is shown</source>
        <translation>Der Namespace, dessen Nutzung angezeigt wird</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>Which counter the chart shows against its quota</source>
        <translation>Welchen Zähler das Diagramm im Vergleich zu seinem Kontingent zeigt</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>The length of one bucket: an hour, a day or a calendar month, in UTC</source>
        <translation>Die Länge eines Intervalls: eine Stunde, ein Tag oder ein Kalendermonat, in UTC</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>Stündlich</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>How far back the usage goes</source>
        <translation>Wie weit die Nutzung zurückreicht</translation>
    </message>
    <message>
        <source>Plan and quota</source>
        <translation>Tarif und Kontingent</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>Tarif ändern</translation>
    </message>
    <message>
        <source>Moves the namespace to another plan</source>
        <translation>Stellt den Namespace auf einen anderen Tarif um</translation>
    </message>
    <message>
        <source>Export chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Export usage as CSV</source>
        <translation>Nutzung als CSV exportieren</translation>
    </message>
    <message>
        <source>Writes the buckets shown, with the quota, to a CSV file</source>
        <translation>Schreibt die angezeigten Intervalle samt Kontingent in eine CSV-Datei</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Quota warnings</source>
        <translation>Kontingentwarnungen</translation>
    </message>
    <message>
        <source>Usage table</source>
        <translation>Nutzungstabelle</translation>
    </message>
    <message>
        <source>The chart&apos;s numbers, one row per bucket, with the quota and the share of it used</source>
        <translation>Die Zahlen des Diagramms, eine Zeile pro Intervall, mit dem Kontingent und dem davon verbrauchten Anteil</translation>
    </message>
    <message>
        <source>Usage as chart or table</source>
        <translation>Nutzung als Diagramm oder Tabelle</translation>
    </message>
    <message>
        <source>C&amp;hart</source>
        <translation>&amp;Diagramm</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>Ta&amp;belle</translation>
    </message>
    <message>
        <source>N&amp;amespace:</source>
        <translation>N&amp;amespace:</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <source>&amp;Step:</source>
        <translation>&amp;Schrittweite:</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>No namespace to show.</source>
        <translation>Kein Namespace vorhanden.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Plan: %1 — no quota for %2.</source>
        <translation>Tarif: %1 — kein Kontingent für %2.</translation>
    </message>
    <message>
        <source>Plan: %1 — storage quota %2 bytes.</source>
        <translation>Tarif: %1 — Speicherkontingent %2 Bytes.</translation>
    </message>
    <message>
        <source>Plan: %1 — %2 a month: %3.</source>
        <translation>Tarif: %1 — %2 pro Monat: %3.</translation>
    </message>
    <message>
        <source>Could not write the image %1.</source>
        <translation>Das Bild %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the usage chart of %1</source>
        <translation>Nutzungsdiagramm von %1 exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export the usage of %1 as CSV</source>
        <translation>Nutzung von %1 als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsageSeries</name>
    <message>
        <source>Reads</source>
        <translation>Lesevorgänge</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Auflistungen</translation>
    </message>
    <message>
        <source>Deletes</source>
        <translation>Löschvorgänge</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Quota reached: %1 at %2% of the plan&apos;s %3 bytes (%4 bytes stored); writes that add bytes are refused.</source>
        <translation>Kontingent erreicht: %1 bei %2% der %3 Bytes des Tarifs (%4 Bytes gespeichert); Schreibvorgänge, die Bytes hinzufügen, werden abgelehnt.</translation>
    </message>
    <message>
        <source>Quota reached: %1 at %2% of the monthly quota (%3 of %4); more are refused until the month ends (UTC).</source>
        <translation>Kontingent erreicht: %1 bei %2% des Monatskontingents (%3 von %4); weitere werden bis Monatsende (UTC) abgelehnt.</translation>
    </message>
    <message>
        <source>Warning: %1 at %2% of the plan&apos;s %3 bytes (%4 bytes stored).</source>
        <translation>Warnung: %1 bei %2% der %3 Bytes des Tarifs (%4 Bytes gespeichert).</translation>
    </message>
    <message>
        <source>Warning: %1 at %2% of the monthly quota (%3 of %4).</source>
        <translation>Warnung: %1 bei %2% des Monatskontingents (%3 von %4).</translation>
    </message>
</context>
<context>
    <name>kv::ui::UsageTableModel</name>
    <message>
        <source>%1% — quota reached</source>
        <translation>%1% — Kontingent erreicht</translation>
    </message>
    <message>
        <source>%1% — warning</source>
        <translation>%1% — Warnung</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 from the start of the bucket&apos;s month (UTC) to the end of the bucket: what the monthly quota is checked against</source>
        <translation>%1 vom Beginn des Monats des Intervalls (UTC) bis zum Ende des Intervalls: der Wert, der gegen das Monatskontingent geprüft wird</translation>
    </message>
    <message>
        <source>%1 in the bucket, compared with the quota</source>
        <translation>%1 im Intervall, verglichen mit dem Kontingent</translation>
    </message>
    <message>
        <source>The bytes the plan allows</source>
        <translation>Die vom Tarif erlaubten Bytes</translation>
    </message>
    <message>
        <source>%1 the plan allows per month</source>
        <translation>%1, die der Tarif pro Monat erlaubt</translation>
    </message>
    <message>
        <source>The share of the quota used; 80% raises a warning, 100% means the quota is reached</source>
        <translation>Der verbrauchte Anteil des Kontingents; bei 80% erscheint eine Warnung, 100% bedeutet, dass das Kontingent erreicht ist</translation>
    </message>
    <message>
        <source>Start (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Lesevorgänge</translation>
    </message>
    <message>
        <source>Writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Auflistungen</translation>
    </message>
    <message>
        <source>Deletes</source>
        <translation>Löschvorgänge</translation>
    </message>
    <message>
        <source>Storage (bytes)</source>
        <translation>Speicher (Bytes)</translation>
    </message>
    <message>
        <source>%1 month to date</source>
        <translation>%1 seit Monatsbeginn</translation>
    </message>
    <message>
        <source>%1 against quota</source>
        <translation>%1 gegen Kontingent</translation>
    </message>
    <message>
        <source>%1 quota</source>
        <translation>%1-Kontingent</translation>
    </message>
    <message>
        <source>% of quota</source>
        <translation>% des Kontingents</translation>
    </message>
</context>
<context>
    <name>kv::ui::ValueEditor</name>
    <message>
        <source>Never expires</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation>Läuft ab: %1</translation>
    </message>
    <message>
        <source>Metadata: %1</source>
        <translation>Metadaten: %1</translation>
    </message>
    <message>
        <source>Value editor</source>
        <translation>Werteditor</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Beschäftigt</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>The name of the new key: 1 to 512 bytes of UTF-8 without control characters</source>
        <translation>Der Name des neuen Schlüssels: 1 bis 512 Byte UTF-8 ohne Steuerzeichen</translation>
    </message>
    <message>
        <source>Name of the new key</source>
        <translation>Name des neuen Schlüssels</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>Sc&amp;hlüssel:</translation>
    </message>
    <message>
        <source>Show value as</source>
        <translation>Wert anzeigen als</translation>
    </message>
    <message>
        <source>Chosen from the value&apos;s content; change it to see the value another way</source>
        <translation>Aus dem Inhalt des Werts gewählt; ändern Sie es, um den Wert anders zu sehen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Bildvorschau</translation>
    </message>
    <message>
        <source>&amp;Pretty-print</source>
        <translation>F&amp;ormatieren</translation>
    </message>
    <message>
        <source>Pretty-print JSON</source>
        <translation>JSON formatieren</translation>
    </message>
    <message>
        <source>Re-indents the JSON value; keys keep their order</source>
        <translation>Rückt den JSON-Wert neu ein; die Reihenfolge der Schlüssel bleibt erhalten</translation>
    </message>
    <message>
        <source>Sh&amp;ow as:</source>
        <translation>An&amp;zeigen als:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Value in hexadecimal</source>
        <translation>Wert in hexadezimaler Darstellung</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Va&amp;lue:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>A JSON object of at most %1 bytes; empty for none</source>
        <translation>Ein JSON-Objekt mit höchstens %1 Byte; leer für keine</translation>
    </message>
    <message>
        <source>No metadata. Type a JSON object, e.g. {&quot;content-type&quot;: &quot;text/plain&quot;}</source>
        <translation>Keine Metadaten. Geben Sie ein JSON-Objekt ein, z. B. {&quot;content-type&quot;: &quot;text/plain&quot;}</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadaten:</translation>
    </message>
    <message>
        <source>Expiration</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Whether and when the key expires after the next save</source>
        <translation>Ob und wann der Schlüssel nach dem nächsten Speichern abläuft</translation>
    </message>
    <message>
        <source>Time to live in seconds</source>
        <translation>Lebensdauer in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seco&amp;nds:</source>
        <translation>Se&amp;kunden:</translation>
    </message>
    <message>
        <source>Expiration date and time</source>
        <translation>Datum und Uhrzeit des Ablaufs</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Am:</translation>
    </message>
    <message>
        <source>E&amp;xpiration:</source>
        <translation>A&amp;blauf:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the value, metadata and expiration (%1)</source>
        <translation>Wert, Metadaten und Ablauf speichern (%1)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Discard the changes made since the last load or save</source>
        <translation>Die Änderungen seit dem letzten Laden oder Speichern verwerfen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Could not load “%1”</source>
        <translation>„%1“ konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>%1 •</source>
        <translation>%1 •</translation>
    </message>
    <message>
        <source>Decoding…</source>
        <translation>Wird dekodiert…</translation>
    </message>
    <message>
        <source>%1 image, %2 × %3 pixels</source>
        <translation>%1-Bild, %2 × %3 Pixel</translation>
    </message>
    <message>
        <source>Valid JSON.</source>
        <translation>Gültiges JSON.</translation>
    </message>
    <message>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <translation>Ungültiges JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Type the new key&apos;s name.</source>
        <translation>Geben Sie den Namen des neuen Schlüssels ein.</translation>
    </message>
    <message>
        <source>Keep the current expiration</source>
        <translation>Aktuellen Ablauf beibehalten</translation>
    </message>
    <message>
        <source>Expires after a TTL</source>
        <translation>Läuft nach einer Lebensdauer (TTL) ab</translation>
    </message>
    <message>
        <source>Expires at a date and time</source>
        <translation>Läuft zu Datum und Uhrzeit ab</translation>
    </message>
    <message>
        <source>%1, unsaved changes</source>
        <translation>%1, ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot save: the value is not valid JSON (line %1, column %2). Fix it, or show it as Text to save it as it is.</source>
        <translation>Speichern nicht möglich: Der Wert ist kein gültiges JSON (Zeile %1, Spalte %2). Korrigieren Sie ihn oder zeigen Sie ihn als Text an, um ihn unverändert zu speichern.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Could not create “%1”</source>
        <translation>„%1“ konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Could not save “%1”</source>
        <translation>„%1“ konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Saved “%1”, version %2.</source>
        <translation>„%1“ gespeichert, Version %2.</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Not saved: “%1” was changed by someone else. Save again to choose what to do.</source>
        <translation>Nicht gespeichert: „%1“ wurde von jemand anderem geändert. Speichern Sie erneut, um zu entscheiden, was geschehen soll.</translation>
    </message>
    <message>
        <source>The key no longer exists: someone deleted it or it expired.</source>
        <translation>Der Schlüssel existiert nicht mehr: Jemand hat ihn gelöscht oder er ist abgelaufen.</translation>
    </message>
    <message>
        <source>Could not load their version: %1</source>
        <translation>Die andere Version konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Theirs:</source>
        <translation>&amp;Andere Version:</translation>
    </message>
    <message>
        <source>&amp;Theirs (version %1):</source>
        <translation>&amp;Andere Version (Nr. %1):</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them before going on?</source>
        <translation>„%1“ hat ungespeicherte Änderungen. Vor dem Fortfahren speichern?</translation>
    </message>
    <message>
        <source>The new key</source>
        <translation>Der neue Schlüssel</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>The value&apos;s bytes as pairs of hexadecimal digits, sixteen per line; spaces and line breaks between them do not matter</source>
        <translation>Die Bytes des Werts als Paare hexadezimaler Ziffern, sechzehn pro Zeile; Leerzeichen und Zeilenumbrüche dazwischen spielen keine Rolle</translation>
    </message>
    <message>
        <source>Offsets and ASCII</source>
        <translation>Offsets und ASCII</translation>
    </message>
    <message>
        <source>For each line of the hex value: the offset of its first byte, then its bytes as ASCII</source>
        <translation>Für jede Zeile des Hex-Werts: der Offset ihres ersten Bytes, dann ihre Bytes als ASCII</translation>
    </message>
    <message>
        <source>This value is not UTF-8 text, so it cannot be shown as text; its bytes are kept as they are. Use Hex to see and edit them.</source>
        <translation>Dieser Wert ist kein UTF-8-Text und kann daher nicht als Text angezeigt werden; seine Bytes bleiben unverändert. Verwenden Sie Hex, um sie anzuzeigen und zu bearbeiten.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s).</source>
        <translation>
            <numerusform>%n Byte.</numerusform>
            <numerusform>%n Bytes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 KiB, read-only: values this large are not edited in hex.</source>
        <translation>Die ersten %1 KiB werden schreibgeschützt angezeigt: So große Werte werden nicht in Hex bearbeitet.</translation>
    </message>
    <message>
        <source>Not valid hex at line %1, column %2: %3</source>
        <translation>Ungültiges Hex in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>The hex text was not valid, so the value keeps the last bytes that were.</source>
        <translation>Der Hex-Text war ungültig, daher behält der Wert die zuletzt gültigen Bytes.</translation>
    </message>
</context>
<context>
    <name>kv::ui::ValueFormat</name>
    <message>
        <source>Cannot preview this %1 image: Qt on this system has no image plugin for %1. (Debian: WebP comes with qt6-image-formats-plugins, SVG with libqt6svg6.)</source>
        <translation>Keine Vorschau für dieses %1-Bild: Qt hat auf diesem System kein Bild-Plugin für %1. (Debian: WebP kommt mit qt6-image-formats-plugins, SVG mit libqt6svg6.)</translation>
    </message>
    <message>
        <source>Cannot preview this value as an image: %1</source>
        <translation>Keine Bildvorschau für diesen Wert möglich: %1</translation>
    </message>
    <message>
        <source>“%1” is not a hexadecimal digit (0–9, a–f)</source>
        <translation>„%1“ ist keine hexadezimale Ziffer (0–9, a–f)</translation>
    </message>
    <message>
        <source>This byte has one hex digit; every byte needs two</source>
        <translation>Dieses Byte hat nur eine Hex-Ziffer; jedes Byte benötigt zwei</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>kvdesk, the console of a key-value service.</source>
        <translation>kvdesk, die Konsole eines Key-Value-Dienstes.</translation>
    </message>
    <message>
        <source>Open the embedded store in &lt;file&gt; (created when missing) instead of the last connection.</source>
        <translation>Öffnet statt der letzten Verbindung den eingebetteten Datenspeicher in &lt;Datei&gt; (wird angelegt, falls er fehlt).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Local store</source>
        <translation>Lokaler Datenspeicher</translation>
    </message>
</context>
</TS>
