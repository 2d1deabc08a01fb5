namespace Beacon.Cards.Views;

public sealed record RefresherView(
    string Id,
    string TopicTitle,
    string Title,
    IReadOnlyList<string> KeyPoints,
    string WhatToDo,
    string SourceTitle,
    Uri SourceUrl);
