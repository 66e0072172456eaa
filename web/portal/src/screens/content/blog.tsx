import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Markdown, pages } from '@portcullis/web-shared';
import { Link, useParams } from 'react-router';
import { usePageMeta } from '../../page-meta.js';
import { summaryOf } from '../catalogue/home.js';
import { PageState } from '../page-state.js';
import { dateWords, usePost, usePosts, type PublishedContent } from './queries.js';

/** /blog: the published posts, newest first, each with its date and summary. */
export function BlogPage() {
  usePageMeta('Blog', 'News, announcements and articles about the APIs on offer.');
  const posts = usePosts();
  return (
    <Stack gap="lg" maw={800}>
      <Stack gap={4}>
        <Title order={1}>Blog</Title>
        <Text c="dimmed">News, announcements and articles about the APIs on offer.</Text>
      </Stack>
      <PageState query={posts} label="Loading the posts">
        {(list) =>
          list.length === 0 ? (
            <Text>Nothing has been published here yet. Come back soon.</Text>
          ) : (
            <Stack gap="md">
              {list.map((post) => (
                <PostCard key={post.Path} post={post} />
              ))}
            </Stack>
          )
        }
      </PageState>
    </Stack>
  );
}

function PostCard({ post }: { post: PublishedContent }) {
  const summary = post.Lede || summaryOf(post.Content);
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={`post-${post.Path}`}>
      <Stack gap={6}>
        <Title order={2} size="h3" id={`post-${post.Path}`}>
          <Anchor component={Link} to={pages.portalPost(post.Path)} inherit>
            {post.Title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          <time dateTime={post.PublishedAt.replace(' ', 'T')}>{dateWords(post.PublishedAt)}</time>
        </Text>
        {summary && <Text size="sm">{summary}</Text>}
      </Stack>
    </Card>
  );
}

/** /blog/:path: one published post, rendered safely from Markdown; a draft or a missing one is "Page not found". */
export function PostPage() {
  const path = useParams()['*'] ?? '';
  const post = usePost(path);
  return (
    <PageState query={post} label="Loading the post">
      {(p) => <PostView post={p} />}
    </PageState>
  );
}

function PostView({ post }: { post: PublishedContent }) {
  usePageMeta(post.Title, post.Lede || summaryOf(post.Content) || `${post.Title}, on the blog.`);
  return (
    <Stack gap="md" maw={800} component="article">
      <Anchor component={Link} to={pages.blog()} size="sm" underline="always">
        All posts
      </Anchor>
      <Title order={1}>{post.Title}</Title>
      <Text size="sm" c="dimmed">
        Published <time dateTime={post.PublishedAt.replace(' ', 'T')}>{dateWords(post.PublishedAt)}</time>
      </Text>
      {post.Lede && (
        <Text size="lg" fw={500}>
          {post.Lede}
        </Text>
      )}
      <Markdown source={post.Content} headingOffset={1} />
    </Stack>
  );
}
