/* Benchmark anchor: the least a curses program does to show a screen.
 * Initialises the terminal as samtale does (UTF-8 locale, ncursesw), draws
 * one line, refreshes and ends. */
#include <curses.h>
#include <locale.h>

int main(void)
{
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	mvaddstr(0, 0, "Sager — samtale");
	refresh();
	endwin();
	return 0;
}
