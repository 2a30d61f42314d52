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
        <source>Hex (read-only)</source>
        <translation>Hex (schreibgeschützt)</translation>
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
        <source>Read-only: offset, sixteen bytes in hex and the same bytes as ASCII per line</source>
        <translation>Schreibgeschützt: je Zeile der Offset, sechzehn Byte hexadezimal und dieselben Byte als ASCII</translation>
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
        <source>This value is not UTF-8 text, so it is shown read-only here; its bytes are kept as they are. Use Hex to see them.</source>
        <translation>Dieser Wert ist kein UTF-8-Text und wird hier daher schreibgeschützt angezeigt; seine Byte bleiben unverändert. Wählen Sie Hex, um sie zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s), read-only.</source>
        <translation>
            <numerusform>%n Byte, schreibgeschützt.</numerusform>
            <numerusform>%n Byte, schreibgeschützt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 KiB.</source>
        <translation>Die ersten %1 KiB werden angezeigt.</translation>
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
