#!/usr/bin/env bash
# `medsyn filter` through spark-submit; options: jobs/filter.sh --help.
exec "$(dirname "$0")/lib/submit.sh" filter "$@"
