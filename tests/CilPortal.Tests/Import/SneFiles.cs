using System.Text;

namespace CilPortal.Tests.Import;

/// <summary>The real SNE example and variants of it built for the tests.</summary>
public static class SneFiles
{
    public const string ExampleNur = "1110318016982G1104";

    public static string Example => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sne", "interfaceNuu_v02_exemple.xml"));

    public static MemoryStream Stream(string xml) => new(Encoding.UTF8.GetBytes(xml));

    /// <summary>The example with its one demand repeated with other NURs (and optional edits).</summary>
    public static string WithDemands(params Func<string, string>[] demands)
    {
        var xml = Example;
        var start = xml.IndexOf("<ns1:demande>", StringComparison.Ordinal);
        var end = xml.IndexOf("</ns1:demande>", StringComparison.Ordinal) + "</ns1:demande>".Length;
        var demand = xml[start..end];
        return xml[..start] + string.Concat(demands.Select(edit => edit(demand))) + xml[end..];
    }

    public static Func<string, string> Nur(string nur, Func<string, string>? edit = null) =>
        d => (edit ?? (x => x))(d.Replace(ExampleNur, nur, StringComparison.Ordinal));
}
