/* Oracle harness: Debian cron 3.0pl1's own crontab parser (env.c load_env, entry.c load_entry) run over
 * single crontab lines, printing one JSON object per input line.
 *
 * This file is ours; it links Debian's unmodified entry.c, env.c and misc.c (see debian-cron-parse.sh).
 * Each line is put in a file of its own followed by "\n" and read the way user.c load_user() reads a
 * crontab: load_env() first, and only when that says "not an environment line" load_entry(). It is read
 * twice: as a user crontab (pw != NULL) and as a system crontab (pw == NULL, so a username is read after
 * the time fields). getpwnam() is replaced below so that `root` is the only user, whatever the host has.
 *
 * Input: crontab lines on stdin, one per line ("\n" ends a line; "\r" and tabs are kept).
 * Output: per line {"line":…,"user":RESULT,"system":RESULT}, RESULT being one of
 *   {"result":"skipped"}                         blank or comment line
 *   {"result":"env","env":"NAME=value"}          environment setting as cron stores it
 *   {"result":"rejected","error":"bad minute"}   load_entry's ecodes[] text (plus "username" for bad username)
 *   {"result":"job","minute":"0-59","hour":"1,2","dayOfMonth":"1-31","month":"1-12","dayOfWeek":"0-7",
 *    "dayOfMonthStar":b,"dayOfWeekStar":b,"flags":n,"user":"root","command":"…"}
 * Bitsets are strings of the set positions (runs of three or more as `a-b`, nothing set as ""), in the field's own numbers (day of month 1..31, month 1..12, day of week 0..7
 * with Sunday in both 0 and 7, as load_entry leaves it).
 */
#define MAIN_PROGRAM
#include "cron.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the host seam: one user, root --- */

static char last_username[MAX_COMMAND];
static struct passwd root_entry = { "root", "x", 0, 0, "root", "/root", "/bin/sh" };

struct passwd *getpwnam(const char *name) {
	snprintf(last_username, sizeof last_username, "%s", name);
	return strcmp(name, "root") == 0 ? &root_entry : NULL;
}

/* --- load_entry's error callback --- */

static const char *last_error;

static void record_error(char *message) {
	last_error = message;
}

/* --- JSON output --- */

static void json_string(const char *text) {
	const unsigned char *p;
	putchar('"');
	for (p = (const unsigned char *) text; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

/* A bitset as a string of its set positions, runs of three or more written as ranges: "0-59", "1,15,30-45". */
static void json_bits(const char *name, bitstr_t *bits, int low, int count) {
	int i = 0, end, first = 1;
	printf(",\"%s\":\"", name);
	while (i < count) {
		if (!bit_test(bits, i)) {
			i++;
			continue;
		}
		for (end = i; end + 1 < count && bit_test(bits, end + 1); end++)
			;
		if (!first)
			putchar(',');
		first = 0;
		if (end - i >= 2)
			printf("%d-%d", i + low, end + low);
		else if (end > i)
			printf("%d,%d", i + low, end + low);
		else
			printf("%d", i + low);
		i = end + 1;
	}
	putchar('"');
}

/* Reads one crontab line as load_user() does and prints the result. */
static void run(const char *line, struct passwd *pw) {
	FILE *file = tmpfile();
	char envstr[MAX_ENVSTR];
	char **envp = env_init();
	entry *e;
	int status;

	if (file == NULL || envp == NULL) {
		perror("harness");
		exit(2);
	}
	fputs(line, file);
	fputc('\n', file);
	rewind(file);
	Set_LineNum(1)
	last_error = NULL;
	last_username[0] = '\0';

	/* A single line gives at most one environment setting or one entry; then load_env() meets EOF. */
	status = load_env(envstr, file);
	if (status == ERR) {
		printf("{\"result\":\"skipped\"}");
	} else if (status == TRUE) {
		printf("{\"result\":\"env\",\"env\":");
		json_string(envstr);
		putchar('}');
	} else {
		e = load_entry(file, record_error, pw, envp);
		if (e == NULL) {
			printf("{\"result\":\"rejected\",\"error\":");
			json_string(last_error ? last_error : "(no message)");
			if (pw == NULL && last_error && strcmp(last_error, "bad username") == 0) {
				printf(",\"username\":");
				json_string(last_username);
			}
			putchar('}');
		} else {
			printf("{\"result\":\"job\"");
			json_bits("minute", e->minute, FIRST_MINUTE, MINUTE_COUNT);
			json_bits("hour", e->hour, FIRST_HOUR, HOUR_COUNT);
			json_bits("dayOfMonth", e->dom, FIRST_DOM, DOM_COUNT);
			json_bits("month", e->month, FIRST_MONTH, MONTH_COUNT);
			json_bits("dayOfWeek", e->dow, FIRST_DOW, DOW_COUNT);
			printf(",\"dayOfMonthStar\":%s,\"dayOfWeekStar\":%s,\"flags\":%d",
			       (e->flags & DOM_STAR) ? "true" : "false",
			       (e->flags & DOW_STAR) ? "true" : "false", e->flags);
			printf(",\"user\":");
			json_string(pw ? pw->pw_name : last_username);
			printf(",\"command\":");
			json_string(e->cmd);
			putchar('}');
			free_entry(e);
		}
	}
	env_free(envp);
	fclose(file);
}

int main(void) {
	static struct passwd user_entry = { "alice", "x", 1000, 1000, "Alice", "/home/alice", "/bin/sh" };
	char *line = NULL;
	size_t size = 0;
	ssize_t length;

	while ((length = getline(&line, &size, stdin)) != -1) {
		if (length > 0 && line[length - 1] == '\n')
			line[length - 1] = '\0';
		printf("{\"line\":");
		json_string(line);
		printf(",\"user\":");
		run(line, &user_entry);
		printf(",\"system\":");
		run(line, NULL);
		printf("}\n");
	}
	free(line);
	return 0;
}
