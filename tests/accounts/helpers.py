def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session
