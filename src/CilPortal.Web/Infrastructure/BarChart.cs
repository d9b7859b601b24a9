using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace CilPortal.Web.Infrastructure;

/// <summary>One bar: a label, a value (null when it cannot be shown) and the text written next to it.</summary>
public sealed record Bar(string Label, decimal? Value, string ValueText, bool Highlighted = false);

/// <summary>
/// Horizontal bar charts drawn on the server as SVG: no script, styled by the site stylesheet, with a
/// title and a description read by screen readers (the same figures are always given in a table too).
/// </summary>
public static class BarChart
{
    private const int RowHeight = 34;
    private const int Width = 330;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<Bar> bars, int labelWidth = 40)
    {
        var barAreaWidth = 220 - labelWidth;
        ArgumentNullException.ThrowIfNull(bars);
        var encoder = HtmlEncoder.Default;
        var max = bars.Max(b => b.Value ?? 0m);
        var height = (bars.Count * RowHeight) + 8;
        var svg = new StringBuilder(512 + (bars.Count * 320));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-titre {id}-desc\" data-testid=\"chart-{id}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titre\">{encoder.Encode(title)}</title><desc id=\"{id}-desc\">{encoder.Encode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 4 + (i * RowHeight);
            var length = bar.Value is { } v && max > 0 ? Math.Max(2m, v / max * barAreaWidth) : 0m;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__label\" x=\"0\" y=\"{y + 21}\">{encoder.Encode(bar.Label)}</text>");
            if (length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar{(bar.Highlighted ? " chart__bar--own" : "")}\" x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{length:0.#}\" height=\"{RowHeight - 10}\" rx=\"3\"></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__value\" x=\"{labelWidth + length + 6:0.#}\" y=\"{y + 21}\">{encoder.Encode(bar.ValueText)}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
