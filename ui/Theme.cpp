#include "ui/Theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace kv::ui {

namespace {

const QString kSettingsKey = QStringLiteral("ui/theme");

/// What the application had before a theme was applied: the desktop's own style and palette.
struct SystemLook
{
    QString style;
    QPalette palette;
};

SystemLook& systemLook()
{
    static SystemLook look { QApplication::style()->name(), QApplication::palette() };
    return look;
}

QPalette darkPalette()
{
    QPalette dark;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor base(0x1e, 0x1e, 0x1e);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::ToolTipBase, base);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8a));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    dark.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    dark.setColor(QPalette::Midlight, QColor(0x3c, 0x3c, 0x3c));
    dark.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    dark.setColor(QPalette::Dark, QColor(0x1a, 0x1a, 0x1a));
    dark.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    dark.setColor(QPalette::Link, QColor(0x5e, 0xa8, 0xff));
    dark.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc0));
    dark.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    for (const QPalette::ColorRole role : { QPalette::Text, QPalette::WindowText, QPalette::ButtonText }) {
        dark.setColor(QPalette::Disabled, role, disabled);
    }
    return dark;
}

} // namespace

QPalette paletteFor(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return systemLook().palette;
    case Theme::Light: {
        QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        const QPalette light = fusion->standardPalette();
        delete fusion;
        return light;
    }
    case Theme::Dark:
        return darkPalette();
    }
    return systemLook().palette;
}

void applyTheme(Theme theme)
{
    const SystemLook& system = systemLook();
    // Light and Dark are Fusion's, which draws with the palette alone; System keeps the desktop's style.
    const QString style = theme == Theme::System ? system.style : QStringLiteral("Fusion");
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0) {
        QApplication::setStyle(style);
    }
    QApplication::setPalette(paletteFor(theme));
}

Theme savedTheme()
{
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (saved == u"light") {
        return Theme::Light;
    }
    if (saved == u"dark") {
        return Theme::Dark;
    }
    return Theme::System;
}

void saveTheme(Theme theme)
{
    QSettings settings;
    switch (theme) {
    case Theme::System:
        settings.remove(kSettingsKey);
        break;
    case Theme::Light:
        settings.setValue(kSettingsKey, QStringLiteral("light"));
        break;
    case Theme::Dark:
        settings.setValue(kSettingsKey, QStringLiteral("dark"));
        break;
    }
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

} // namespace kv::ui
