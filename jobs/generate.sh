#!/usr/bin/env bash
# `medsyn generate` through spark-submit; options: jobs/generate.sh --help.
exec "$(dirname "$0")/lib/submit.sh" generate "$@"
