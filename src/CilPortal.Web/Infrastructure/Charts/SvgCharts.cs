using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CilPortal.Web.Infrastructure.Charts;

/// <summary>What the values of a monthly chart are.</summary>
public enum ChartUnit
{
    /// <summary>Counts (e.g. leases signed in the month).</summary>
    Count = 0,

    /// <summary>Shares in percent (25 = 25 %).</summary>
    Percent = 1,
}

/// <summary>One row of a share chart: a label, the share in percent (null when nothing counts yet) and the target in percent.</summary>
public sealed record ShareRow(string Label, decimal? SharePercent, decimal TargetPercent)
{
    /// <summary>The share reaches the target.</summary>
    public bool IsReached => SharePercent is { } share && share >= TargetPercent;
}

/// <summary>
/// Charts drawn on the server as SVG markup, pure: no script, no inline colour (the site stylesheet colours
/// <c>chart__bar</c>, <c>chart__bar--reached</c>, <c>chart__target</c>…), sized by a viewBox so they scale down to a
/// 375-px phone, with <c>role="img"</c> and a title and a French description of the figures for screen readers.
/// Every text is escaped, so the markup is well-formed XML whatever the labels.
/// </summary>
public static partial class SvgCharts
{
    /// <summary>The French abbreviations of the months, January first.</summary>
    public static IReadOnlyList<string> Months { get; } = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

    private const string Namespace = "http://www.w3.org/2000/svg";
    private const int Width = 360;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    // Monthly chart: 12 columns; the month labels alternate on two lines so that they stay legible on a phone.
    private const int ColumnWidth = 29;
    private const int ColumnsLeft = 6;
    private const int BarWidth = 19;
    private const int PlotTop = 40;
    private const int PlotHeight = 150;

    // Share chart: one row per label, the label above its bar, 0 to 100 % over the bar area.
    private const int RowHeight = 48;
    private const int ShareAreaWidth = 250;

    /// <summary>A monthly bar chart of counts (e.g. leases signed each month), with an optional target line.</summary>
    public static string MonthlyBars(string id, string title, IReadOnlyList<int> counts, decimal? target = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return MonthlyBars(id, title, [.. counts.Select(c => (decimal?)c)], ChartUnit.Count, target);
    }

    /// <summary>
    /// A monthly bar chart: 12 values, January first (null for a month without data: no bar), in counts or in
    /// percent, with an optional target line in the same unit and its key above the plot. Bars at or above the
    /// target are <c>chart__bar--reached</c>. Each bar has its value above it (shares rounded to the unit, without
    /// the sign, to fit the column); the description gives them in full.
    /// </summary>
    /// <exception cref="ArgumentException">Not 12 values, a negative value or target, or an id that is not a plain identifier.</exception>
    public static string MonthlyBars(string id, string title, IReadOnlyList<decimal?> values, ChartUnit unit, decimal? target = null)
    {
        CheckId(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != 12)
        {
            throw new ArgumentException("A monthly chart has 12 values, January first.", nameof(values));
        }

        if (values.Any(v => v < 0) || target < 0)
        {
            throw new ArgumentException("The values and the target of a chart are not negative.", nameof(values));
        }

        var highest = Math.Max(values.Max(v => v ?? 0m), target ?? 0m);
        var scale = unit == ChartUnit.Percent
            ? Math.Ceiling(Math.Max(highest, 10m) / 10m) * 10m
            : Math.Max(highest, 1m);
        var baseline = PlotTop + PlotHeight;
        var height = baseline + 44;
        var svg = Open(id, "chart chart--monthly", height, title, DescribeMonths(values, unit, target));
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart__axis\" x1=\"{ColumnsLeft}\" y1=\"{baseline}\" x2=\"{ColumnsLeft + (12 * ColumnWidth)}\" y2=\"{baseline}\"/>");
        for (var month = 0; month < 12; month++)
        {
            var centre = ColumnsLeft + (month * ColumnWidth) + (ColumnWidth / 2m);
            if (values[month] is { } value)
            {
                var barHeight = value == 0 ? 0m : Math.Max(1m, value / scale * PlotHeight);
                var reached = target is { } t && value >= t;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar{(reached ? " chart__bar--reached" : "")}\" x=\"{N(centre - (BarWidth / 2m))}\" y=\"{N(baseline - barHeight)}\" width=\"{BarWidth}\" height=\"{N(barHeight)}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__value\" x=\"{N(centre)}\" y=\"{N(baseline - barHeight - 4)}\" text-anchor=\"middle\">{Escape(Short(value, unit))}</text>");
            }

            var labelY = baseline + (month % 2 == 0 ? 17 : 36);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__label\" x=\"{N(centre)}\" y=\"{labelY}\" text-anchor=\"middle\">{Escape(Months[month])}</text>");
        }

        if (target is { } line)
        {
            var y = baseline - (line / scale * PlotHeight);
            var right = ColumnsLeft + (12 * ColumnWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart__target\" x1=\"{ColumnsLeft}\" y1=\"{N(y)}\" x2=\"{right}\" y2=\"{N(y)}\"/>");

            // The key, above the plot so that it hides no bar.
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart__target chart__target--key\" x1=\"{ColumnsLeft}\" y1=\"9\" x2=\"{ColumnsLeft + 24}\" y2=\"9\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__target-label\" x=\"{ColumnsLeft + 30}\" y=\"14\">{Escape("Objectif " + Long(line, unit, decimals: false))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A horizontal bar chart of shares in percent, one row per label (e.g. per bailleur or sector), over a
    /// 0 to 100 % scale, with a marker at each row's target. Rows whose share reaches the target are
    /// <c>chart__bar--reached</c> and their value is followed by a check mark, so the colour is not the only cue.
    /// </summary>
    /// <exception cref="ArgumentException">An id that is not a plain identifier.</exception>
    public static string ShareBars(string id, string title, IReadOnlyList<ShareRow> rows)
    {
        CheckId(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(rows);
        var height = Math.Max(1, rows.Count) * RowHeight;
        var svg = Open(id, "chart chart--shares", height, title, DescribeShares(rows));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var top = i * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__label\" x=\"0\" y=\"{top + 17}\">{Escape(Shorten(row.Label, 40))}</text>");
            var length = row.SharePercent is { } share ? Clamp(share) / 100m * ShareAreaWidth : 0m;
            if (length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar{(row.IsReached ? " chart__bar--reached" : "")}\" x=\"0\" y=\"{top + 24}\" width=\"{N(Math.Max(2m, length))}\" height=\"18\"/>");
            }

            var targetX = Clamp(row.TargetPercent) / 100m * ShareAreaWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart__target\" x1=\"{N(targetX)}\" y1=\"{top + 20}\" x2=\"{N(targetX)}\" y2=\"{top + 46}\"/>");
            var value = row.SharePercent is { } s ? Long(s, ChartUnit.Percent) + (row.IsReached ? " ✓" : "") : "aucune donnée";
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__value\" x=\"{N(Math.Max(length, targetX) + 6)}\" y=\"{top + 39}\">{Escape(value)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Text escaped for XML and HTML: <c>&amp; &lt; &gt; " '</c> as entities; characters that XML does not allow
    /// (control characters, lone surrogates) are dropped.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                case '\t' or '\n' or '\r': escaped.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                case >= '\uD800' and <= '\uDFFF': break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    private static StringBuilder Open(string id, string cssClass, int height, string title, string description)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"{Namespace}\" class=\"{cssClass}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-titre {id}-desc\" data-testid=\"chart-{id}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titre\">{Escape(title)}</title><desc id=\"{id}-desc\">{Escape(description)}</desc>");
        return svg;
    }

    private static string DescribeMonths(IReadOnlyList<decimal?> values, ChartUnit unit, decimal? target)
    {
        var months = string.Join(" ; ", values.Select((v, m) => $"{Months[m]} : {(v is { } value ? Long(value, unit) : "aucune donnée")}"));
        var total = unit == ChartUnit.Count ? $" Total : {Long(values.Sum(v => v ?? 0m), unit)}." : "";
        var objective = target is { } t ? $" Objectif : {Long(t, unit, decimals: false)}." : "";
        return $"{months}.{total}{objective}";
    }

    private static string DescribeShares(IReadOnlyList<ShareRow> rows)
    {
        if (rows.Count == 0)
        {
            return "Aucune donnée.";
        }

        return string.Join(" ; ", rows.Select(r =>
        {
            var objective = $"objectif {Long(r.TargetPercent, ChartUnit.Percent, decimals: false)}";
            return r.SharePercent is { } share
                ? $"{r.Label} : {Long(share, ChartUnit.Percent)} ({objective}, {(r.IsReached ? "atteint" : "non atteint")})"
                : $"{r.Label} : aucune donnée ({objective})";
        })) + ".";
    }

    /// <summary>"12", "25,5 %" (percent with one decimal, or none for targets).</summary>
    private static string Long(decimal value, ChartUnit unit, bool decimals = true) => unit == ChartUnit.Percent
        ? value.ToString(decimals ? "0.0" : "0.#", French) + "\u00a0%"
        : value.ToString("#,0.#", French);

    /// <summary>The value written above a monthly bar, narrow enough for its column: "12", or "26" for 25.5 %.</summary>
    private static string Short(decimal value, ChartUnit unit) => unit == ChartUnit.Percent
        ? decimal.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", French)
        : value.ToString("#,0.#", French);

    private static string Shorten(string label, int length) => label.Length <= length ? label : label[..(length - 1)].TrimEnd() + "…";

    private static decimal Clamp(decimal percent) => Math.Clamp(percent, 0m, 100m);

    private static string N(decimal value) => decimal.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static void CheckId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException("A chart id is a letter followed by letters, digits, '-' or '_'.", nameof(id));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
