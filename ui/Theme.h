#pragma once
// Light or dark: kvdesk follows the desktop's palette by default (what the platform theme hands Qt
// at start), and the operator can choose Light or Dark in View ▸ Theme. Widgets never hard-code a
// colour; they take it from the palette, so this is the one place that names colours.

#include <QPalette>
#include <QString>

namespace kv::ui {

enum class Theme { System, Light, Dark };

/// The palette of a theme: System is the one the application started with.
[[nodiscard]] QPalette paletteFor(Theme theme);
/// Sets the application's style and palette; every widget follows through QEvent::PaletteChange.
void applyTheme(Theme theme);
/// The theme in the settings (System when none was chosen).
[[nodiscard]] Theme savedTheme();
void saveTheme(Theme theme);
/// Light text on a dark window: what views that draw themselves (charts) ask.
[[nodiscard]] bool isDark(const QPalette& palette);

} // namespace kv::ui
