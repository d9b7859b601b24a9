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
/// <para>Greedy: the eligible cycles by total score divided by their conflicts (the eligible cycles through their listings),
/// descending, then by position, each taken when none of its listings is already taken.</para>
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
        return new(chosen, cycles.At(chosen), search.Total, greedy, chosen.Sum(cycles.LengthAt), search.EligibleCount, improvements);
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

        /// <summary>
        /// Takes the eligible cycles in the order of their total score divided by their conflicts (the number of eligible
        /// cycles through each of their listings, summed; itself included), descending, then by position; each when its
        /// listings are all free. A cycle through listings that few other cycles need goes first.
        /// </summary>
        public void Greedy()
        {
            var conflicts = new long[cycles.Count];
            foreach (var c in eligible)
            {
                for (var k = 0; k < cycles.LengthAt(c); k++)
                {
                    var v = cycles.MemberAt(c, k);
                    conflicts[c] += incidenceStart[v + 1] - incidenceStart[v];
                }
            }

            var order = (int[])eligible.Clone();
            Array.Sort(order, (x, y) =>
            {
                var byRatio = (cycles.TotalScoreAt(y) * conflicts[x]).CompareTo(cycles.TotalScoreAt(x) * conflicts[y]);
                return byRatio != 0 ? byRatio : x.CompareTo(y);
            });
            foreach (var c in order)
            {
                if (AllFree(c))
                {
                    Take(c);
                }
            }
        }

        /// <summary>
        /// Runs the (1, k)- and (2, k)-swaps from a work list (every chosen cycle, in position order, then the chosen cycles
        /// near each move) until it is empty; returns the number of moves made.
        /// </summary>
        public int Improve()
        {
            var moves = 0;
            var queue = new Queue<int>();
            var queued = new bool[cycles.Count];
            foreach (var c in eligible)
            {
                if (chosen[c])
                {
                    queue.Enqueue(c);
                    queued[c] = true;
                }
            }

            while (queue.Count > 0)
            {
                var c = queue.Dequeue();
                queued[c] = false;
                if (!chosen[c])
                {
                    continue;
                }

                var moved = TryReplace([c]);
                if (!moved)
                {
                    // A cycle touching c and exactly one other chosen cycle d suggests replacing both.
                    tried.Clear();
                    for (var k = 0; k < cycles.LengthAt(c) && !moved; k++)
                    {
                        var v = cycles.MemberAt(c, k);
                        for (var e = incidenceStart[v]; e < incidenceStart[v + 1] && !moved; e++)
                        {
                            // The pair is tried from its smaller cycle when both are waiting.
                            var d = OtherOwner(incidence[e], c);
                            if (d >= 0 && (c < d || !queued[d]) && !tried.Contains(d))
                            {
                                tried.Add(d);
                                moved = TryReplace([c, d]);
                            }
                        }
                    }
                }

                if (!moved)
                {
                    continue;
                }

                moves++;
                foreach (var v in released)
                {
                    for (var e = incidenceStart[v]; e < incidenceStart[v + 1]; e++)
                    {
                        var t = incidence[e];
                        for (var k = 0; k < cycles.LengthAt(t); k++)
                        {
                            var o = owner[cycles.MemberAt(t, k)];
                            if (o != Free && !queued[o])
                            {
                                queue.Enqueue(o);
                                queued[o] = true;
                            }
                        }
                    }
                }
            }

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
                    if (seen[t] == epoch || IsAmong(t, removed))
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
                if (o != Free && !IsAmong(o, removed))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether <paramref name="c"/> is one of the (one or two) removed cycles.</summary>
        private static bool IsAmong(int c, int[] removed) => c == removed[0] || (removed.Length > 1 && c == removed[1]);

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
