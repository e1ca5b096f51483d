<?php
// Run by scripts/wordpress-wxr.sh: installs WordPress, writes a post with comments the way commenters' comments are
// written (wp_new_comment: WordPress's own filters, kses included), then prints export_wp()'s WXR on stdout.
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = '127.0.0.1:8089';
$_SERVER['REQUEST_METHOD'] = 'GET';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

// Everything below goes to a log, not into the export.
ob_start();
// No mail from this throwaway site (the install's welcome mail included).
add_filter('pre_wp_mail', '__return_false');
wp_install('Newsroom fixture', 'editor', 'editor@example.org', false, '', 'fixture-password-not-secret');
update_option('timezone_string', 'Europe/Paris');
update_option('thread_comments', 1);
update_option('thread_comments_depth', 5);
// No flood rule between the scripted comments.
add_filter('comment_flood_filter', '__return_false');
wp_set_current_user(0);

$post = wp_insert_post([
  'post_title' => 'Municipal budget: what changes in 2023',
  'post_content' => 'The council voted the budget on Tuesday.',
  'post_status' => 'publish',
  'post_author' => 1,
  'post_date' => '2022-11-14 09:00:00',
]);
$second = wp_insert_post([
  'post_title' => 'Кияни про зиму / Kyiv residents on winter',
  'post_content' => 'Interviews.',
  'post_status' => 'publish',
  'post_author' => 1,
  'post_date' => '2022-11-20 08:00:00',
]);

// A reader's comment through the same path as the comment form (filters and kses for a visitor without
// unfiltered_html), then set to the status the fixture needs.
function reader_comment($post, $parent, $name, $email, $url, $ip, $gmt, $content, $status) {
  $local = get_date_from_gmt($gmt);
  $id = wp_new_comment([
    'comment_post_ID' => $post,
    'comment_parent' => $parent,
    'comment_author' => $name,
    'comment_author_email' => $email,
    'comment_author_url' => $url,
    'comment_author_IP' => $ip,
    'comment_agent' => 'Mozilla/5.0 (fixture)',
    'comment_date' => $local,
    'comment_date_gmt' => $gmt,
    'comment_content' => $content,
    'comment_type' => 'comment',
    'user_id' => 0,
  ], true);
  if (is_wp_error($id)) {
    fwrite(STDERR, 'wp_new_comment: ' . $id->get_error_message() . "\n");
    exit(1);
  }
  wp_set_comment_status($id, $status);
  return $id;
}

$amelie = reader_comment($post, 0, 'Amélie Lefèvre', 'amelie@example.fr', 'https://amelie.example.fr/', '192.0.2.10',
  '2022-11-14 10:15:00', "Très clair, merci ! L’école de mon quartier y gagne-t-elle ?\n\nVoir <a href=\"https://example.org/budget\">le document</a>, page 12.", 'approve');
$oleksandra = reader_comment($post, $amelie, 'Олександра Коваленко', 'oleksandra@example.com.ua', '', '198.51.100.7',
  '2022-11-14 11:02:30', 'Дякую! Так, школи отримують на 4 % більше — <em>див. таблицю 3</em>.', 'approve');
reader_comment($post, $oleksandra, 'Amélie Lefèvre', 'amelie@example.fr', 'https://amelie.example.fr/', '192.0.2.10',
  '2022-11-14 12:40:00', 'Parfait, c’est noté. & merci pour le lien <3', 'approve');
reader_comment($post, 0, 'Jean-Éric Dubois', 'je.dubois@example.net', '', '203.0.113.5',
  '2022-11-15 08:05:00', 'Pourquoi ce commentaire attend-il une modération ? <script>alert("xss")</script> Bizarre.', 'hold');
reader_comment($post, 0, 'Cheap pills', 'spam@example.biz', 'http://spam.example.biz/', '203.0.113.66',
  '2022-11-15 09:00:00', 'Buy now <a href="http://spam.example.biz/pills">pills</a> <a href="http://spam.example.biz/more">more</a>', 'spam');
reader_comment($post, 0, 'Zoë "Z" O’Brien', 'zoe@example.org', '', '2001:db8::42',
  '2022-11-16 17:30:00', 'Off-topic, sorry — removing this later.', 'trash');
reader_comment($second, 0, 'Тарас Шевчук', 'taras@example.com.ua', '', '198.51.100.20',
  '2022-11-20 09:12:00', 'Світла не було 6 годин. Дякуємо за репортаж.', 'approve');

// The editor answers as a logged-in user (unfiltered_html: what they type is kept as typed).
wp_set_current_user(1);
$editor = wp_insert_comment([
  'comment_post_ID' => $post,
  'comment_parent' => $amelie,
  'comment_author' => 'editor',
  'comment_author_email' => 'editor@example.org',
  'comment_author_url' => '',
  'comment_author_IP' => '127.0.0.1',
  'comment_date' => get_date_from_gmt('2022-11-14 13:00:00'),
  'comment_date_gmt' => '2022-11-14 13:00:00',
  'comment_content' => "Bonjour Amélie, <strong>oui</strong> : voir le tableau.<script>document.title='owned'</script>",
  'comment_approved' => 1,
  'comment_type' => 'comment',
  'user_id' => 1,
]);
// A pingback from another site: not a reader's comment.
wp_insert_comment([
  'comment_post_ID' => $post,
  'comment_author' => 'Other Site » Budget roundup',
  'comment_author_url' => 'https://other.example/roundup',
  'comment_author_IP' => '192.0.2.99',
  'comment_date' => get_date_from_gmt('2022-11-17 07:00:00'),
  'comment_date_gmt' => '2022-11-17 07:00:00',
  'comment_content' => '[…] the council voted the budget […]',
  'comment_approved' => 1,
  'comment_type' => 'pingback',
]);
$log = ob_get_clean();
if (trim($log) !== '') fwrite(STDERR, $log);

require_once ABSPATH . 'wp-admin/includes/export.php';
export_wp(['content' => 'all']);
