namespace CilPortal.Domain.Exchanges;

/// <summary>
/// A set of exchanges that can all happen together: no listing is in two cycles.
/// </summary>
/// <param name="CycleIndices">The chosen cycles, as positions in the <see cref="ExchangeCycleSet"/> given to the planner, ascending.</param>
/// <param name="Cycles">The same cycles with listing ids, in the same order.</param>
/// <param name="TotalScore">The sum of the leg scores of the chosen cycles (what is maximised).</param>
/// <param name="GreedyScore">The total of the greedy pass alone, before the local search.</param>
/// <param name="Households">The number of households that move (the listings in the chosen cycles).</param>
/// <param name="EligibleCycles">The cycles whose listings all take part.</param>
/// <param name="Improvements">How many local-search moves improved the greedy result.</param>
public sealed record ExchangePlan(
    IReadOnlyList<int> CycleIndices,
    IReadOnlyList<ExchangeCycle> Cycles,
    long TotalScore,
    long GreedyScore,
    int Households,
    int EligibleCycles,
    int Improvements);

/// <summary>
/// The global proposal: vertex-disjoint 2-way swaps and 3-way chains maximising the sum of their leg scores, by a greedy pass
/// then a local search. Deterministic: the same cycles and participants always give the same proposal.
/// </summary>
/// <remarks>
/// Only the listings for which <c>takesPart</c> is true take part (the tenants who agreed to be proposed an exchange by the
/// platform, and whose registration the bailleur checked): a cycle is eligible when all its listings take part.
/// <para>Greedy: the eligible cycles by total score descending (then the swap before the chain, then position), each taken
/// when none of its listings is already taken.</para>
/// <para>Local search, until no move gains: for each chosen cycle C, the best set of disjoint cycles that use C's listings and
/// otherwise only free listings replaces C when its total is higher (a (1, k)-swap: one chain broken into two swaps,
/// a swap extended to a chain with a free household, etc.); then, for each pair of chosen cycles sharing a neighbour cycle,
/// the best disjoint set over their listings and free listings replaces both when it gains (a (2, k)-swap).</para>
/// </remarks>
public static class ExchangePlanner
{
    /// <summary>Proposes disjoint cycles among those whose listings all take part.</summary>
    /// <param name="cycles">The cycles of the graph (<see cref="CompatibilityGraph.AllCycles"/>).</param>
    /// <param name="takesPart">Whether a listing takes part in the global proposal.</param>
    /// <param name="improve">False to stop after the greedy pass.</param>
    public static ExchangePlan Propose(ExchangeCycleSet cycles, Func<ExchangeCandidate, bool> takesPart, bool improve = true)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(takesPart);
        var search = new Search(cycles, EligibleCycles(cycles, takesPart));
        search.Greedy();
        var greedy = search.Total;
        var improvements = improve ? search.Improve() : 0;
        var chosen = search.Chosen();
        return new(chosen, cycles.Select(chosen), search.Total, greedy, chosen.Sum(cycles.LengthAt), search.EligibleCount, improvements);
    }

    /// <summary>The positions of the cycles whose listings all take part, ascending.</summary>
    public static int[] EligibleCycles(ExchangeCycleSet cycles, Func<ExchangeCandidate, bool> takesPart)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(takesPart);
        var graph = cycles.Graph;
        var part = new bool[graph.Count];
        for (var i = 0; i < part.Length; i++)
        {
            part[i] = takesPart(graph.Candidates[i]);
        }

        var eligible = new List<int>();
        for (var c = 0; c < cycles.Count; c++)
        {
            var ok = true;
            for (var k = 0; k < cycles.LengthAt(c) && ok; k++)
            {
                ok = part[cycles.MemberAt(c, k)];
            }

            if (ok)
            {
                eligible.Add(c);
            }
        }

        return [.. eligible];
    }

    private sealed class Search
    {
        private const int Free = -1;

        private readonly ExchangeCycleSet cycles;
        private readonly int[] eligible;
        private readonly int[] incidenceStart;
        private readonly int[] incidence;
        private readonly int[] owner;
        private readonly bool[] chosen;
        private readonly int[] seen;
        private int epoch;

        // The current move: the vertices it frees, the candidates by vertex, the best packing found.
        private readonly List<int> released = [];
        private readonly List<int>[] candidatesAt = [[], [], [], [], [], []];
        private readonly List<int> packing = [];
        private readonly List<int> bestPacking = [];
        private readonly List<int> used = [];
        private readonly List<int> tried = [];
        private int bestGain;

        public Search(ExchangeCycleSet cycles, int[] eligible)
        {
            this.cycles = cycles;
            this.eligible = eligible;
            var n = cycles.Graph.Count;
            owner = new int[n];
            Array.Fill(owner, Free);
            chosen = new bool[cycles.Count];
            seen = new int[cycles.Count];
            incidenceStart = new int[n + 1];
            foreach (var c in eligible)
            {
                for (var k = 0; k < cycles.LengthAt(c); k++)
                {
                    incidenceStart[cycles.MemberAt(c, k) + 1]++;
                }
            }

            for (var v = 0; v < n; v++)
            {
                incidenceStart[v + 1] += incidenceStart[v];
            }

            var fill = incidenceStart[..n];
            incidence = new int[incidenceStart[n]];
            foreach (var c in eligible)
            {
                for (var k = 0; k < cycles.LengthAt(c); k++)
                {
                    incidence[fill[cycles.MemberAt(c, k)]++] = c;
                }
            }
        }

        public long Total { get; private set; }

        public int EligibleCount => eligible.Length;

        public int[] Chosen() => [.. eligible.Where(c => chosen[c])];

        /// <summary>By total score descending, swaps before chains, then position: a counting sort, stable.</summary>
        public void Greedy()
        {
            const int Keys = (3 * 255) + 1;
            var count = new int[(2 * Keys) + 1];
            foreach (var c in eligible)
            {
                count[Key(c) + 1]++;
            }

            for (var k = 0; k < 2 * Keys; k++)
            {
                count[k + 1] += count[k];
            }

            var order = new int[eligible.Length];
            foreach (var c in eligible)
            {
                order[count[Key(c)]++] = c;
            }

            foreach (var c in order)
            {
                if (AllFree(c))
                {
                    Take(c);
                }
            }

            int Key(int c) => (2 * ((3 * 255) - cycles.TotalScoreAt(c))) + (cycles.LengthAt(c) == 2 ? 0 : 1);
        }

        /// <summary>Runs the (1, k)- then (2, k)-swaps until none gains; returns the number of moves made.</summary>
        public int Improve()
        {
            var moves = 0;
            bool gained;
            do
            {
                gained = false;
                foreach (var c in eligible)
                {
                    if (chosen[c] && TryReplace([c]))
                    {
                        moves++;
                        gained = true;
                    }
                }

                if (gained)
                {
                    continue;
                }

                foreach (var c in eligible)
                {
                    if (!chosen[c])
                    {
                        continue;
                    }

                    // A non-chosen cycle touching c and exactly one other chosen cycle d suggests replacing both.
                    tried.Clear();
                    var done = false;
                    for (var k = 0; k < cycles.LengthAt(c) && !done; k++)
                    {
                        var v = cycles.MemberAt(c, k);
                        for (var e = incidenceStart[v]; e < incidenceStart[v + 1] && !done; e++)
                        {
                            var d = OtherOwner(incidence[e], c);
                            if (d < 0 || tried.Contains(d))
                            {
                                continue;
                            }

                            tried.Add(d);
                            if (chosen[d] && TryReplace([c, d]))
                            {
                                moves++;
                                gained = true;
                                done = true;
                            }
                        }
                    }
                }
            }
            while (gained);

            return moves;
        }

        /// <summary>The one chosen cycle other than <paramref name="c"/> that <paramref name="t"/> touches, or −1 (none, or several).</summary>
        private int OtherOwner(int t, int c)
        {
            var other = -1;
            for (var k = 0; k < cycles.LengthAt(t); k++)
            {
                var o = owner[cycles.MemberAt(t, k)];
                if (o == Free || o == c || o == other)
                {
                    continue;
                }

                if (other >= 0)
                {
                    return -1;
                }

                other = o;
            }

            return other;
        }

        /// <summary>Replaces the chosen <paramref name="removed"/> cycles by the best disjoint set over their listings and free ones, when it gains.</summary>
        private bool TryReplace(int[] removed)
        {
            released.Clear();
            var removedTotal = 0;
            foreach (var c in removed)
            {
                removedTotal += cycles.TotalScoreAt(c);
                for (var k = 0; k < cycles.LengthAt(c); k++)
                {
                    released.Add(cycles.MemberAt(c, k));
                }
            }

            epoch++;
            foreach (var list in candidatesAt)
            {
                list.Clear();
            }

            for (var p = 0; p < released.Count; p++)
            {
                var v = released[p];
                for (var e = incidenceStart[v]; e < incidenceStart[v + 1]; e++)
                {
                    var t = incidence[e];
                    if (seen[t] == epoch || Array.IndexOf(removed, t) >= 0)
                    {
                        continue;
                    }

                    seen[t] = epoch;
                    if (Usable(t, removed))
                    {
                        candidatesAt[p].Add(t);
                    }
                }

                candidatesAt[p].Sort((x, y) => cycles.TotalScoreAt(y).CompareTo(cycles.TotalScoreAt(x)));
            }

            bestGain = removedTotal;
            bestPacking.Clear();
            packing.Clear();
            used.Clear();
            Pack(0, 0);
            if (bestPacking.Count == 0)
            {
                return false;
            }

            foreach (var c in removed)
            {
                Drop(c);
            }

            foreach (var t in bestPacking)
            {
                Take(t);
            }

            return true;
        }

        /// <summary>Whether every listing of <paramref name="t"/> is free or in one of the removed cycles.</summary>
        private bool Usable(int t, int[] removed)
        {
            for (var k = 0; k < cycles.LengthAt(t); k++)
            {
                var o = owner[cycles.MemberAt(t, k)];
                if (o != Free && Array.IndexOf(removed, o) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Exhaustive search of disjoint candidates, by the first released listing each covers; bounded by the best scores left.</summary>
        private void Pack(int position, int total)
        {
            while (position < released.Count && used.Contains(released[position]))
            {
                position++;
            }

            if (total > bestGain)
            {
                bestGain = total;
                bestPacking.Clear();
                bestPacking.AddRange(packing);
            }

            if (position == released.Count)
            {
                return;
            }

            var bound = total;
            for (var p = position; p < released.Count; p++)
            {
                if (!used.Contains(released[p]) && candidatesAt[p].Count > 0)
                {
                    bound += cycles.TotalScoreAt(candidatesAt[p][0]);
                }
            }

            if (bound <= bestGain)
            {
                return;
            }

            foreach (var t in candidatesAt[position])
            {
                if (total + cycles.TotalScoreAt(t) + (bound - total - cycles.TotalScoreAt(candidatesAt[position][0])) <= bestGain)
                {
                    break;
                }

                if (!Disjoint(t))
                {
                    continue;
                }

                var mark = used.Count;
                for (var k = 0; k < cycles.LengthAt(t); k++)
                {
                    used.Add(cycles.MemberAt(t, k));
                }

                packing.Add(t);
                Pack(position + 1, total + cycles.TotalScoreAt(t));
                packing.RemoveAt(packing.Count - 1);
                used.RemoveRange(mark, used.Count - mark);
            }

            Pack(position + 1, total);
        }

        private bool Disjoint(int t)
        {
            for (var k = 0; k < cycles.LengthAt(t); k++)
            {
                if (used.Contains(cycles.MemberAt(t, k)))
                {
                    return false;
                }
            }

            return true;
        }

        private bool AllFree(int c)
        {
            for (var k = 0; k < cycles.LengthAt(c); k++)
            {
                if (owner[cycles.MemberAt(c, k)] != Free)
                {
                    return false;
                }
            }

            return true;
        }

        private void Take(int c)
        {
            chosen[c] = true;
            Total += cycles.TotalScoreAt(c);
            for (var k = 0; k < cycles.LengthAt(c); k++)
            {
                owner[cycles.MemberAt(c, k)] = c;
            }
        }

        private void Drop(int c)
        {
            chosen[c] = false;
            Total -= cycles.TotalScoreAt(c);
            for (var k = 0; k < cycles.LengthAt(c); k++)
            {
                owner[cycles.MemberAt(c, k)] = Free;
            }
        }
    }
}
