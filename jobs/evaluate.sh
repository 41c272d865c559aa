#!/usr/bin/env bash
# `medsyn evaluate` through spark-submit; options: jobs/evaluate.sh --help.
exec "$(dirname "$0")/lib/submit.sh" evaluate "$@"
