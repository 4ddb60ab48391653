# bench/lib.sh — what bench/run and bench/cluster both write their tables with (sourced, not run).

# ratio A B → A / B rounded to three decimals (a goal is judged on these, not on a truncation)
ratio() { LC_ALL=C printf '%.3f' "$(echo "scale=6; $1 / $2" | bc)"; }
# met VALUE OP GOAL → 'met' or 'NOT met'
met() { if [ "$(echo "$1 $2 $3" | bc)" = 1 ]; then echo met; else echo "NOT met"; fi; }
# ms SECONDS → milliseconds with one decimal
ms() { echo "scale=1; $1 * 1000 / 1" | bc | sed 's/^\./0./'; }
