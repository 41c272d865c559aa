#!/usr/bin/env bash
# `medsyn quality` through spark-submit; options: jobs/quality.sh --help.
exec "$(dirname "$0")/lib/submit.sh" quality "$@"
