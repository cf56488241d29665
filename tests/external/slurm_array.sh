#!/usr/bin/env bash
# tools/slurm/linksim_array.sbatch and linksim_merge.sbatch on a one-node Slurm cluster started
# for this test (slurm-wlm from Debian; `make` installs it): a 3-task job array runs the shards,
# a dependent job merges them, and the merged results.json, daily.csv and report.html must be
# byte for byte those of one process. The test's own slurmctld and slurmd (authentication off,
# private ports, state under a temporary directory) are stopped at the end. Exit 77 (skipped)
# when Slurm is not installed or its daemons cannot start here (they need root).
set -uo pipefail
linksim="$(realpath "${1:?usage: slurm_array.sh path/to/linksim}")"
for tool in slurmctld slurmd sbatch squeue; do
  command -v "$tool" >/dev/null || { echo "skip: $tool not installed (apt-get install slurm-wlm)"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "skip: the test's slurmd must run as root"; exit 77; }
repo="$(pwd)"
work="$(mktemp -d /tmp/linksim_slurm_test.XXXXXX)"
mkdir -p "$work"/{state,spool,log,out}
host="$(hostname)"
# Ports of its own, so that another Slurm on the machine is left alone.
port=$(( 20000 + $$ % 20000 ))
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=linksimtest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/none
CredType=cred/none
MpiDefault=none
ProctrackType=proctrack/linuxproc
ReturnToService=2
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmdSpoolDir=$work/spool
StateSaveLocation=$work/state
SlurmUser=root
SlurmdUser=root
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
stop() {
  for pid in "$work"/slurmd.pid "$work"/slurmctld.pid; do [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null; done
  sleep 1
  rm -rf "$work"
}
trap stop EXIT
slurmctld -c -f "$SLURM_CONF" || { echo "skip: slurmctld does not start here"; exit 77; }
slurmd -f "$SLURM_CONF" || { echo "skip: slurmd does not start here"; exit 77; }
for _ in $(seq 30); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 1
done
sinfo -h -o %T 2>/dev/null | grep -q idle || { echo "skip: the node never came up"; cat "$work"/log/*.log; exit 77; }

args=(--reps 5 --set world.members=3000 --set horizon_days=14)
export LINKSIM="$linksim" LINKSIM_OUT="$work/out"
array=$(sbatch --parsable --chdir="$repo" --array=0-2 --cpus-per-task=1 --output="$work/log/array-%a.log" \
  tools/slurm/linksim_array.sbatch default "${args[@]}") || { echo "FAIL: sbatch of the array"; exit 1; }
merge=$(sbatch --parsable --chdir="$repo" --dependency=afterok:"$array" --output="$work/log/merge.log" \
  tools/slurm/linksim_merge.sbatch 3) || { echo "FAIL: sbatch of the merge"; exit 1; }
for _ in $(seq 300); do
  [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] && break
  sleep 1
done
"$linksim" run default "${args[@]}" --out "$work/one" >/dev/null 2>&1 || { echo "FAIL: the single run"; exit 1; }
status=0
for f in results.json daily.csv report.html; do
  if ! cmp -s "$work/one/$f" "$work/out/$f"; then
    echo "FAIL: $f merged from the Slurm array differs from one process's (or is missing)"
    status=1
  fi
done
if [ "$status" != 0 ]; then
  for log in "$work"/log/*.log; do echo "== $log"; tail -20 "$log"; done
  exit 1
fi
echo "ok: a 3-task Slurm array and its merge job wrote byte for byte what one process writes"
