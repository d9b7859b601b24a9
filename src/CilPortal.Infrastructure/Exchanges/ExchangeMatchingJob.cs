using CilPortal.Domain.Exchanges;
using CilPortal.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CilPortal.Infrastructure.Exchanges;

/// <summary>Settings of the nightly exchange matching (section <c>Exchanges</c>).</summary>
public sealed class ExchangeMatchingOptions
{
    public const string Section = "Exchanges";

    /// <summary>Time limit of the exact CP-SAT solve after the greedy and local search.</summary>
    public int SolverSeconds { get; set; } = 10;

    /// <summary>Whether the nightly run creates proposals (false: it only measures and records).</summary>
    public bool CreateProposals { get; set; } = true;

    /// <summary>
    /// Above this many cycles the exact solve is not tried: the proposal is the greedy and local search's (issue #11). CP-SAT
    /// was measured up to 96,000 cycles (bench/results/exchange-matching.md); on the benchmark territory's 3.2 million it
    /// took 4 GB for 24 s and found nothing within its time.
    /// </summary>
    public int MaxCyclesForExactSolve { get; set; } = 200_000;
}

/// <summary>
/// Once a day: pauses members who left a proposal unanswered for 14 days, then finds the set of disjoint swaps and 3-way
/// chains with the best total score among the members who accept proposed chains and are not already in an open proposal
/// (greedy + local search, then CP-SAT under a time limit, hinted with the greedy result), proposes each chosen cycle to its
/// households, and records the run with the solver's optimality gap.
/// </summary>
public sealed class ExchangeMatchingJob(CilPortalDbContext db, ExchangeService exchanges, ExchangeQueries queries, ExchangeGraphCache cache, ExchangeMatchingOptions options, TimeProvider time, ILogger<ExchangeMatchingJob> logger)
{
    /// <summary>Runs when no run was recorded since <paramref name="dayStartUtc"/>; returns the run, or null when already done.</summary>
    public async Task<ExchangeMatchingRun?> RunIfDueAsync(DateTime dayStartUtc, CancellationToken cancellationToken = default)
    {
        if (await db.ExchangeMatchingRuns.AnyAsync(r => r.RanAt >= dayStartUtc, cancellationToken))
        {
            return null;
        }

        return await RunAsync(cancellationToken);
    }

    public async Task<ExchangeMatchingRun> RunAsync(CancellationToken cancellationToken = default)
    {
        await exchanges.PauseSilentMembersAsync(cancellationToken);
        cache.Invalidate();

        var candidates = await queries.CandidatesAsync(true, cancellationToken);
        var openStatuses = new[] { ProposalStatus.AwaitingAnswers, ProposalStatus.UnderReview };
        var busy = (await db.ExchangeParticipants
            .Where(p => db.ExchangeProposals.Any(x => x.Id == p.ProposalId && openStatuses.Contains(x.Status)))
            .Select(p => p.ListingId).ToListAsync(cancellationToken)).ToHashSet();
        var free = candidates.Where(c => !busy.Contains(c.ListingId)).ToList();

        var graph = CompatibilityGraph.Build(free);
        var cycles = graph.AllCycles();
        var plan = ExchangePlanner.Propose(cycles, _ => true);
        IReadOnlyList<ExchangeCycle> chosen = plan.Cycles;
        var run = new ExchangeMatchingRun
        {
            RanAt = time.GetUtcNow().UtcDateTime,
            Candidates = free.Count,
            CyclesFound = cycles.Count,
            Objective = plan.TotalScore,
        };

        if (cycles.Count > options.MaxCyclesForExactSolve)
        {
            logger.LogWarning("Appariement des échanges : {Cycles} cycles, au-delà de {Max} ; la résolution exacte n'est pas tentée (Exchanges:MaxCyclesForExactSolve).", cycles.Count, options.MaxCyclesForExactSolve);
        }
        else if (cycles.Count > 0)
        {
            var all = cycles.ToList();
            var exact = ExchangeCpSatSolver.Solve(all, plan.Cycles, new ExchangeSolverOptions(TimeSpan.FromSeconds(Math.Max(1, options.SolverSeconds))));
            run.BestBound = exact.BestBound;
            run.Gap = exact.Gap;
            if (exact.Objective > plan.TotalScore)
            {
                chosen = exact.Chosen;
                run.Objective = exact.Objective;
            }
        }

        run.CyclesChosen = chosen.Count;
        if (options.CreateProposals && chosen.Count > 0)
        {
            var ids = chosen.SelectMany(c => c.ListingIds).ToList();
            var listings = await db.ExchangeListings.Include(l => l.Member).Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
            foreach (var cycle in chosen)
            {
                var proposal = exchanges.NewProposal(ProposalOrigin.NightlyMatching, null, [.. cycle.ListingIds.Select(id => listings[id])]);
                db.ExchangeProposals.Add(proposal);
            }

            run.ProposalsCreated = chosen.Count;
        }

        db.ExchangeMatchingRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        if (options.CreateProposals)
        {
            await exchanges.NotifyNewProposalsAsync(cancellationToken);
        }

        logger.LogInformation("Appariement des échanges : {Candidates} annonces, {Cycles} cycles, {Chosen} proposés (écart d'optimalité {Gap}).", run.Candidates, run.CyclesFound, run.CyclesChosen, run.Gap);
        return run;
    }
}
