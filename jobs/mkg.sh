#!/usr/bin/env bash
# `medsyn mkg` through spark-submit; options: jobs/mkg.sh --help.
exec "$(dirname "$0")/lib/submit.sh" mkg "$@"
