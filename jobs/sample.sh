#!/usr/bin/env bash
# `medsyn sample` through spark-submit; options: jobs/sample.sh --help.
exec "$(dirname "$0")/lib/submit.sh" sample "$@"
