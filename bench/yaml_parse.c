/* Benchmark anchor: a bare libyaml parse of the files given, event by
 * event, without building or checking anything. Exit 1 on a parse error. */
#include <stdio.h>
#include <yaml.h>

static int parse_file(const char *path, unsigned long *events)
{
	yaml_parser_t parser;
	yaml_event_t event;
	FILE *f = fopen(path, "rb");
	int rc = 0;

	if (!f) {
		perror(path);
		return 1;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	for (;;) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s: %s\n", path, parser.problem ? parser.problem : "parse error");
			rc = 1;
			break;
		}
		(*events)++;
		if (event.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&event);
			break;
		}
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}

int main(int argc, char **argv)
{
	unsigned long events = 0;
	int rc = 0;

	for (int i = 1; i < argc; i++)
		rc |= parse_file(argv[i], &events);
	printf("%lu events\n", events);
	return rc;
}
