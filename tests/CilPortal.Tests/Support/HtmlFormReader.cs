using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CilPortal.Tests.Support;

/// <summary>One field of a form as a browser sees it: its name, kind, current value and, for a choice, the values offered.</summary>
public sealed record FormField(string Name, string Kind, string? Value, IReadOnlyList<string> Options);

/// <summary>A <c>&lt;form method="post"&gt;</c> of a page: where it posts and its fields.</summary>
public sealed record PostForm(string Action, string? TestId, bool IsMultipart, IReadOnlyList<FormField> Fields)
{
    /// <summary>What a browser sends when the form is submitted as it is (checked boxes, selected options, typed values).</summary>
    public List<KeyValuePair<string, string>> Values() =>
        [.. Fields.Where(f => f.Value is not null && f.Kind != "file").Select(f => new KeyValuePair<string, string>(f.Name, f.Value!))];

    /// <summary>The form's values as a dictionary (the first value of a repeated name).</summary>
    public Dictionary<string, string> ValueMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Values())
        {
            map.TryAdd(name, value);
        }

        return map;
    }
}

/// <summary>Reads the POST forms of a page with AngleSharp (the HTML parser HtmlSanitizer already brings).</summary>
public static class HtmlFormReader
{
    public static IReadOnlyList<PostForm> PostForms(string html, string pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        var forms = new List<PostForm>();
        foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action");
            var fields = new List<FormField>();
            foreach (var element in form.Elements)
            {
                switch (element)
                {
                    case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                        var kind = (input.Type ?? "text").ToLowerInvariant();
                        if (kind is "submit" or "button" or "reset" or "image")
                        {
                            continue;
                        }

                        var value = kind is "checkbox" or "radio" ? (input.IsChecked ? input.Value : null) : input.Value;
                        fields.Add(new FormField(input.Name!, kind, value, kind is "checkbox" or "radio" ? [input.Value] : []));
                        break;
                    case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                        var options = select.Options.Select(o => o.Value).ToList();
                        var selected = select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? options.FirstOrDefault();
                        fields.Add(new FormField(select.Name!, select.IsMultiple ? "select-multiple" : "select", select.IsMultiple ? select.Options.FirstOrDefault(o => o.IsSelected)?.Value : selected, options));
                        break;
                    case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                        fields.Add(new FormField(area.Name!, "textarea", area.Value, []));
                        break;
                }
            }

            forms.Add(new PostForm(
                string.IsNullOrEmpty(action) ? pageUrl : action,
                form.GetAttribute("data-testid"),
                string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase),
                fields));
        }

        return forms;
    }

    /// <summary>The one post form of a page with this <c>data-testid</c>.</summary>
    public static async Task<PostForm> FormAsync(this HttpClient client, string url, string testId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var form = PostForms(html, url).SingleOrDefault(f => f.TestId == testId);
        Assert.True(form is not null, $"No form data-testid=\"{testId}\" on {url}.");
        return form;
    }
}

/// <summary>Posting a form read by <see cref="HtmlFormReader"/>: its own antiforgery token goes with it.</summary>
public static class PostFormExtensions
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, PostForm form, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(form.Action, UriKind.Relative), content);
    }

    /// <summary>Submits the form with some fields changed.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, PostForm form, IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(changes);
        var values = form.Values().Where(v => !changes.ContainsKey(v.Key)).Concat(changes).ToList();
        return client.SubmitAsync(form, values);
    }
}
