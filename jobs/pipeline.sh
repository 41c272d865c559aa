#!/usr/bin/env bash
# The whole pipeline (`medsyn run`) in one Spark application; options: jobs/pipeline.sh --help.
exec "$(dirname "$0")/lib/submit.sh" run "$@"
