#ifndef DIALTONE_CNCURSESW_SHIM_H
#define DIALTONE_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the wide-character API (cchar_t, wget_wch,
// waddnwstr) has to be switched on here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>
#endif
