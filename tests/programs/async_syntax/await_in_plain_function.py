def handler(request):
    """Forgot the async."""
    body = await request.read()
    return body
