using System.Globalization;
using CilPortal.Domain.Exchanges;
using Google.OrTools.Sat;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>How far the exact solve went.</summary>
public enum ExchangeSolveStatus
{
    /// <summary>The chosen cycles are proven best (gap 0).</summary>
    Optimal = 1,

    /// <summary>The time ran out: the chosen cycles are the best found, within <see cref="ExchangeSolveResult.Gap"/> of the best.</summary>
    Feasible = 2,

    /// <summary>The time ran out before any solution (only possible without a hint); nothing is chosen.</summary>
    Unknown = 3,
}

/// <summary>Settings of the exact solve.</summary>
/// <param name="TimeLimit">The wall-clock limit of the search.</param>
/// <param name="Workers">The number of search threads (CP-SAT is at its best with 8 or more; 1 is deterministic).</param>
/// <param name="RandomSeed">The seed of the search.</param>
/// <param name="ExtraParameters">More CP-SAT parameters in their text format (« log_search_progress:true »), for tuning.</param>
public sealed record ExchangeSolverOptions(TimeSpan TimeLimit, int Workers = 1, int RandomSeed = 0, string? ExtraParameters = null)
{
    public static ExchangeSolverOptions Default { get; } = new(TimeSpan.FromSeconds(10));
}

/// <summary>The result of the exact solve.</summary>
/// <param name="ChosenIndices">The chosen cycles as positions in the list given to the solver, ascending.</param>
/// <param name="Chosen">The chosen cycles.</param>
/// <param name="Objective">The sum of the leg scores of the chosen cycles.</param>
/// <param name="BestBound">No set of disjoint cycles scores more than this (equal to <see cref="Objective"/> when optimal).</param>
/// <param name="Gap">(BestBound − Objective) / BestBound: 0 when optimal, at most this far from the best otherwise (0 when the bound is 0).</param>
/// <param name="WallTime">How long the search took.</param>
public sealed record ExchangeSolveResult(
    ExchangeSolveStatus Status,
    IReadOnlyList<int> ChosenIndices,
    IReadOnlyList<ExchangeCycle> Chosen,
    long Objective,
    long BestBound,
    double Gap,
    TimeSpan WallTime);

/// <summary>
/// The exact global proposal with Google OR-Tools CP-SAT: one Boolean per cycle, at most one chosen cycle per listing,
/// maximise the sum of the chosen cycles' leg scores (<see cref="ExchangeCycle.TotalScore"/>); the search starts from a hint
/// (the greedy and local-search proposal of <see cref="ExchangePlanner"/>) and stops at the time limit.
/// </summary>
public static class ExchangeCpSatSolver
{
    /// <summary>
    /// Chooses disjoint cycles among those of <paramref name="cycles"/> whose listings all take part (as
    /// <see cref="ExchangePlanner.Propose"/> does), starting from <paramref name="hint"/> (the planner's proposal).
    /// The result's <see cref="ExchangeSolveResult.ChosenIndices"/> are positions in <paramref name="cycles"/>.
    /// </summary>
    public static ExchangeSolveResult Solve(ExchangeCycleSet cycles, Func<ExchangeCandidate, bool> takesPart, ExchangePlan? hint, ExchangeSolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        var eligible = ExchangePlanner.EligibleCycles(cycles, takesPart);
        var result = Solve(cycles.At(eligible), hint?.Cycles, options);
        return result with { ChosenIndices = [.. result.ChosenIndices.Select(i => eligible[i])] };
    }

    /// <summary>Chooses disjoint cycles among <paramref name="cycles"/> maximising their total score.</summary>
    /// <param name="cycles">The cycles allowed (already restricted to the listings that take part).</param>
    /// <param name="hint">Cycles of <paramref name="cycles"/> known to be disjoint (a good starting point); cycles not in the list are ignored.</param>
    public static ExchangeSolveResult Solve(IReadOnlyList<ExchangeCycle> cycles, IEnumerable<ExchangeCycle>? hint, ExchangeSolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        if (cycles.Count == 0)
        {
            return new(ExchangeSolveStatus.Optimal, [], [], 0, 0, 0, TimeSpan.Zero);
        }

        var model = new CpModel();
        var chosen = new BoolVar[cycles.Count];
        var byListing = new Dictionary<int, List<ILiteral>>();
        for (var c = 0; c < cycles.Count; c++)
        {
            chosen[c] = model.NewBoolVar(string.Empty);
            foreach (var listing in cycles[c].ListingIds)
            {
                if (!byListing.TryGetValue(listing, out var literals))
                {
                    byListing[listing] = literals = [];
                }

                literals.Add(chosen[c]);
            }
        }

        foreach (var literals in byListing.Values)
        {
            if (literals.Count > 1)
            {
                model.AddAtMostOne(literals);
            }
        }

        model.Maximize(LinearExpr.WeightedSum(chosen, cycles.Select(c => (long)c.TotalScore)));

        if (hint is not null)
        {
            var hinted = new HashSet<ExchangeCycle>(hint);
            for (var c = 0; c < cycles.Count; c++)
            {
                model.AddHint(chosen[c], hinted.Contains(cycles[c]));
            }
        }

        using var solver = new CpSolver
        {
            StringParameters = string.Create(
                CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{options.TimeLimit.TotalSeconds} num_workers:{options.Workers} random_seed:{options.RandomSeed} {options.ExtraParameters}"),
        };
        var status = solver.Solve(model);
        var wallTime = TimeSpan.FromSeconds(solver.WallTime());
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new(ExchangeSolveStatus.Unknown, [], [], 0, (long)Math.Floor(solver.BestObjectiveBound), 1, wallTime);
        }

        var indices = Enumerable.Range(0, cycles.Count).Where(c => solver.BooleanValue(chosen[c])).ToArray();
        var objective = (long)Math.Round(solver.ObjectiveValue);
        var bound = status == CpSolverStatus.Optimal ? objective : (long)Math.Floor(solver.BestObjectiveBound + 1e-6);
        var gap = bound <= 0 ? 0 : (double)(bound - objective) / bound;
        return new(
            status == CpSolverStatus.Optimal ? ExchangeSolveStatus.Optimal : ExchangeSolveStatus.Feasible,
            indices,
            [.. indices.Select(c => cycles[c])],
            objective,
            bound,
            gap,
            wallTime);
    }
}
