using System.Net.Http.Headers;
using System.Text.Json;

namespace Registry.Tests.Feeds;

/// <summary>Reads a Server-Sent Events feed the way a partner would: id, event, data per message; comments kept apart.</summary>
public static class SseClient
{
    public sealed record Message(long Id, string Event, JsonElement Envelope);

    public static async Task<(List<Message> Messages, List<string> Comments)> ReadAsync(HttpClient http, string path, int count,
        string? lastEventId = null, TimeSpan? guard = null)
    {
        using var cts = new CancellationTokenSource(guard ?? TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var messages = new List<Message>();
        var comments = new List<string>();
        string? id = null, type = null, data = null;
        while (messages.Count < count && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith(':')) comments.Add(line[1..].Trim());
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            else if (line.Length == 0 && data is not null)
            {
                messages.Add(new Message(long.Parse(id!), type!, JsonDocument.Parse(data).RootElement.Clone()));
                id = type = data = null;
            }
        }
        return (messages, comments);
    }
}
